using Notify.Interfaces;
using SingleView.Schedule.Configuration;

namespace SingleView.Schedule.Delivery;

/// <summary>What is sent to GOV.UK Notify for one digest: the template fills ((subject)) and ((body)).</summary>
public sealed record NotifyEmailRequest(string EmailAddress, string TemplateId, Dictionary<string, dynamic> Personalisation, string ClientReference);

/// <summary>
/// Sends through GOV.UK Notify (GovukNotify 6.0.0). The template is the authority's own, with the
/// placeholders ((subject)) and ((body)); the API key comes from the environment. No test here
/// talks to the real Notify service (it needs a live key): only the mapping is tested.
/// </summary>
public sealed class NotifyDigestSender(IAsyncNotificationClient client, string templateId) : IDigestSender
{
    public static NotifyDigestSender Create(NotifySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var apiKey = Environment.GetEnvironmentVariable(settings.ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(apiKey)) throw new InvalidOperationException($"GOV.UK Notify is the digest sender but {settings.ApiKeyVariable} is not set");
        return new NotifyDigestSender(new Notify.Client.NotificationClient(apiKey), settings.TemplateId!);
    }

    public static NotifyEmailRequest Map(DigestMessage message, string templateId)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new NotifyEmailRequest(
            message.To,
            templateId,
            new Dictionary<string, dynamic>(StringComparer.Ordinal) { ["subject"] = message.Subject, ["body"] = message.Body },
            message.Reference);
    }

    public async Task SendAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        var request = Map(message, templateId);
        await client.SendEmailAsync(request.EmailAddress, request.TemplateId, request.Personalisation, request.ClientReference, null);
    }
}
