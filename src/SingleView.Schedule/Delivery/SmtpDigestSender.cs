using System.Net;
using System.Net.Mail;
using System.Text;
using SingleView.Schedule.Configuration;

namespace SingleView.Schedule.Delivery;

/// <summary>Sends through an SMTP relay with System.Net.Mail (MailKit does not restore here). Plain text only.</summary>
public sealed class SmtpDigestSender(SmtpSettings settings) : IDigestSender
{
    public async Task SendAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            Timeout = (int)settings.Timeout.TotalMilliseconds,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (settings.UserName is not null)
        {
            client.Credentials = new NetworkCredential(settings.UserName, Environment.GetEnvironmentVariable(settings.PasswordVariable));
        }

        using var mail = new MailMessage(message.From, message.To, message.Subject, message.Body)
        {
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.Headers.Add("X-SingleView-Digest", message.Reference);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
