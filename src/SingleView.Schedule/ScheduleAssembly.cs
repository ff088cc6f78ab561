namespace SingleView.Schedule;

/// <summary>Marks the scheduling stage's assembly; its jobs and stores live beside it.</summary>
internal static class ScheduleAssembly;
