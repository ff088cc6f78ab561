using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Schedule.Configuration;
using SingleView.Schedule.Delivery;
using SingleView.Schedule.Digests;
using SingleView.Schedule.Tests.Support;
using SingleView.Tests.Shared;

namespace SingleView.Schedule.Tests.Delivery;

/// <summary>Digests through a real Postfix on 127.0.0.1 into a Maildir, and through a closed port.</summary>
public sealed class DigestDeliveryTests
{
    [Test]
    public async Task Deliver_TwoSchools_EachDslGetsOnlyTheirOwnPupils()
    {
        var (host, port) = TestPostfix.Smtp();
        await using var scenario = await DigestScenario.CreateAsync();
        var digests = await scenario.NightAsync();

        var result = await Delivery(scenario, host, port).DeliverPendingAsync();

        result.ShouldBe(new DeliveryResult(2, 0));
        var mails = await Maildir.WaitForAsync(digests.Select(d => d.DigestId).ToList());
        var own = mails.Single(m => m.Contains($"To: {DigestScenario.OwnDsl}", StringComparison.Ordinal));
        own.ShouldContain("Amira Khan");
        own.ShouldNotContain("Ben Ortiz");
        own.ShouldNotContain("Cara Lewis");
        mails.Single(m => m.Contains($"To: {DigestScenario.OtherDsl}", StringComparison.Ordinal)).ShouldNotContain("Amira Khan");
    }

    [Test]
    public async Task Deliver_Mail_CarriesNoDetailOfTheServiceRecord()
    {
        var (host, port) = TestPostfix.Smtp();
        await using var scenario = await DigestScenario.CreateAsync();
        var digest = (await scenario.NightAsync()).Single(d => d.Recipient == DigestScenario.OwnDsl);
        await Delivery(scenario, host, port).DeliverPendingAsync();

        var mail = (await Maildir.WaitForAsync([digest.DigestId])).Single();

        mail.ShouldContain("Police-attended domestic abuse incident");
        mail.ShouldContain("Lauren White, PS, 01632 960782");
        mail.ShouldNotContain("Assault", Case.Insensitive);
    }

    [Test]
    public async Task Deliver_SecondRound_SendsNothingAgain()
    {
        var (host, port) = TestPostfix.Smtp();
        await using var scenario = await DigestScenario.CreateAsync();
        await scenario.NightAsync();
        var delivery = Delivery(scenario, host, port);
        await delivery.DeliverPendingAsync();

        (await delivery.DeliverPendingAsync()).ShouldBe(new DeliveryResult(0, 0));
    }

    [Test]
    public async Task Deliver_ClosedPort_IsRetriedRecordedAndSentLater()
    {
        var (host, port) = TestPostfix.Smtp();
        await using var scenario = await DigestScenario.CreateAsync();
        var digests = await scenario.NightAsync();
        var failing = new CountingSender(new SmtpDigestSender(new SmtpSettings { Host = "127.0.0.1", Port = ClosedPort(), Timeout = TimeSpan.FromSeconds(5) }));

        var failed = await new DigestDelivery(new DigestStore(scenario.Db.Database), failing, Settings(), scenario.Clock, NullLogger<DigestDelivery>.Instance).DeliverPendingAsync();
        var recorded = await new DigestStore(scenario.Db.Database).RecentAsync();
        var later = await Delivery(scenario, host, port).DeliverPendingAsync();

        failed.ShouldBe(new DeliveryResult(0, 2));
        failing.Calls.ShouldBe(2 * Settings().DeliveryAttempts);
        recorded.ShouldAllBe(d => d.DeliveryState == DeliveryState.Failed && d.Attempts == 1 && d.LastError != null);
        later.ShouldBe(new DeliveryResult(2, 0));
        (await Maildir.WaitForAsync(digests.Select(d => d.DigestId).ToList())).Count.ShouldBe(2);
    }

    [Test]
    public async Task Deliver_FailedMaxTimes_IsLeftForAPerson()
    {
        await using var scenario = await DigestScenario.CreateAsync();
        await scenario.NightAsync();
        var settings = Settings() with { MaxDeliveryTries = 2 };
        var failing = new SmtpDigestSender(new SmtpSettings { Host = "127.0.0.1", Port = ClosedPort(), Timeout = TimeSpan.FromSeconds(5) });
        var delivery = new DigestDelivery(new DigestStore(scenario.Db.Database), failing, settings, scenario.Clock, NullLogger<DigestDelivery>.Instance);
        await delivery.DeliverPendingAsync();
        await delivery.DeliverPendingAsync();

        (await delivery.DeliverPendingAsync()).ShouldBe(new DeliveryResult(0, 0));
    }

    private static ScheduleSettings Settings() => new() { DeliveryAttempts = 3, DeliveryRetryDelay = TimeSpan.FromMilliseconds(50), From = "singleview@localhost" };

    private static DigestDelivery Delivery(DigestScenario scenario, string host, int port) =>
        new(new DigestStore(scenario.Db.Database), new SmtpDigestSender(new SmtpSettings { Host = host, Port = port }), Settings(), scenario.Clock, NullLogger<DigestDelivery>.Instance);

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class CountingSender(IDigestSender inner) : IDigestSender
    {
        public int Calls { get; private set; }

        public Task SendAsync(DigestMessage message, CancellationToken cancellationToken)
        {
            Calls++;
            return inner.SendAsync(message, cancellationToken);
        }
    }
}
