namespace SingleView.Schedule.Tests;

public class ScheduleAssemblyTests
{
    [Test]
    public void Assembly_Loads_NameIsSingleViewSchedule()
    {
        typeof(ScheduleAssembly).Assembly.GetName().Name.ShouldBe("SingleView.Schedule");
    }
}
