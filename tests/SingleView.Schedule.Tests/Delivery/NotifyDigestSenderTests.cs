using SingleView.Schedule.Delivery;

namespace SingleView.Schedule.Tests.Delivery;

/// <summary>
/// Only the mapping to GOV.UK Notify is tested: no test here can reach the real Notify service (it needs
/// a live API key and the internet), and there is no Notify test double to run locally.
/// </summary>
public sealed class NotifyDigestSenderTests
{
    private static readonly DigestMessage Message = new("dsl@hillside.example", "singleview@localhost", "Digest subject", "Digest body", "20261121T070000Z-hillside-dsl-abc123");

    [Test]
    public void Map_Message_FillsSubjectAndBodyOfTheTemplate()
    {
        var request = NotifyDigestSender.Map(Message, "f33517ff-2a88-4f6e-b855-c550268ce08a");

        request.EmailAddress.ShouldBe("dsl@hillside.example");
        request.TemplateId.ShouldBe("f33517ff-2a88-4f6e-b855-c550268ce08a");
        ((string)request.Personalisation["subject"]).ShouldBe("Digest subject");
        ((string)request.Personalisation["body"]).ShouldBe("Digest body");
    }

    [Test]
    public void Map_Message_ReferenceIsTheDigest()
    {
        NotifyDigestSender.Map(Message, Guid.Empty.ToString()).ClientReference.ShouldBe("20261121T070000Z-hillside-dsl-abc123");
    }
}
