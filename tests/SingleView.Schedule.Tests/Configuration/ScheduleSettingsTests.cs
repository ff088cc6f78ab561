using SingleView.Core.Configuration;
using SingleView.Schedule.Configuration;
using SingleView.Tests.Shared;

namespace SingleView.Schedule.Tests.Configuration;

public sealed class ScheduleSettingsTests
{
    [Test]
    public void Load_NoFile_IsOffWithDefaults()
    {
        var settings = ScheduleSettings.Load(Path.GetTempPath());

        settings.Enabled.ShouldBeFalse();
        settings.RefreshCron.ShouldBe("0 30 1 * * ?");
        settings.DigestCron.ShouldBe("0 0 7 * * ?");
        settings.TimeZone.Id.ShouldBe("Europe/London");
    }

    [Test]
    public void Load_CommittedFile_IsValidAndOff()
    {
        var settings = ScheduleSettings.Load(RepositoryRoot.Config);

        settings.Enabled.ShouldBeFalse();
        settings.RefreshRetryCount.ShouldBe(2);
        settings.RefreshRetryDelay.ShouldBe(TimeSpan.FromMinutes(30));
        settings.Sender.ShouldBe(DigestSenderKind.Smtp);
    }

    [Test]
    public void Parse_OnlyEnabled_KeepsEveryDefault()
    {
        var settings = ScheduleSettings.Parse("schedule.yaml", "enabled: true");

        settings.Enabled.ShouldBeTrue();
        settings.StaleAfter.ShouldBe(TimeSpan.FromHours(26));
        settings.Smtp.Port.ShouldBe(25);
    }

    [Test]
    public void Parse_BadCron_NamesFileAndField()
    {
        var error = Should.Throw<ConfigurationException>(() => ScheduleSettings.Parse("schedule.yaml", "schedules:\n  digest: \"at seven\""));

        error.File.ShouldBe("schedule.yaml");
        error.Field.ShouldBe("schedules.digest");
    }

    [Test]
    public void Parse_LockLeaseHours_IsRefusedAsNoLongerUsed()
    {
        Should.Throw<ConfigurationException>(() => ScheduleSettings.Parse("schedule.yaml", "refresh:\n  lock_lease_hours: 6"))
            .Field.ShouldBe("refresh.lock_lease_hours");
    }

    [Test]
    public void Parse_UnknownTimeZone_NamesField()
    {
        Should.Throw<ConfigurationException>(() => ScheduleSettings.Parse("schedule.yaml", "time_zone: Mars/Olympus"))
            .Field.ShouldBe("time_zone");
    }

    [Test]
    public void Parse_NegativeRetryDelay_NamesField()
    {
        Should.Throw<ConfigurationException>(() => ScheduleSettings.Parse("schedule.yaml", "refresh:\n  retry_delay_minutes: -5"))
            .Field.ShouldBe("refresh.retry_delay_minutes");
    }

    [Test]
    public void Parse_NotifyWithoutTemplate_NamesField()
    {
        Should.Throw<ConfigurationException>(() => ScheduleSettings.Parse("schedule.yaml", "digest:\n  sender: notify"))
            .Field.ShouldBe("notify.template_id");
    }

    [Test]
    public void Parse_UnknownKey_NamesIt()
    {
        Should.Throw<ConfigurationException>(() => ScheduleSettings.Parse("schedule.yaml", "enabeld: true"))
            .Field.ShouldBe("enabeld");
    }
}
