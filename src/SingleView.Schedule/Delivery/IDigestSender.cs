namespace SingleView.Schedule.Delivery;

/// <summary>One digest e-mail to send. Reference is the digest's ID, so a sent message can be traced back.</summary>
public sealed record DigestMessage(string To, string From, string Subject, string Body, string Reference);

/// <summary>How digests leave: SMTP or GOV.UK Notify, chosen in config/schedule.yaml. Throws when the message was not accepted.</summary>
public interface IDigestSender
{
    Task SendAsync(DigestMessage message, CancellationToken cancellationToken);
}
