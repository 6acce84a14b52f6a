"""What jv sends out around the gatherings: the calendar and the reminders."""
