"""The calendar: month, week and agenda views, their models, filters, attention list, moves and undo."""
