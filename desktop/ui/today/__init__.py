"""The Today screen (今日待办): what is overdue, due today and in the next seven days."""
