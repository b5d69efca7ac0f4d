; Inno Setup script for Pursuit on Windows. Build the one-folder program first (make dist on
; Windows, or: python installer/build.py), then: iscc /DAppVersion=0.1.0 installer\windows\pursuit.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{4F8C2B1E-7D3A-4E59-9B6C-2A1F0E8D7C35}
AppName=Pursuit 项目型销售管理
AppVersion={#AppVersion}
AppPublisher=Pursuit
DefaultDirName={autopf}\Pursuit
DefaultGroupName=Pursuit
OutputDir=..\..\dist
OutputBaseFilename=pursuit-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\app\pursuit.ico
UninstallDisplayIcon={app}\pursuit.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\pursuit\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Pursuit 项目型销售管理"; Filename: "{app}\pursuit.exe"
Name: "{autodesktop}\Pursuit 项目型销售管理"; Filename: "{app}\pursuit.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\pursuit.exe"; Description: "{cm:LaunchProgram,Pursuit}"; Flags: nowait postinstall skipifsilent
