using SingleView.Core.Configuration;

namespace SingleView.Schedule.Configuration;

/// <summary>Someone who receives the 07:00 digest: a school's designated safeguarding lead, by URN and e-mail.</summary>
public sealed record Subscription(string Name, string Audience, string SchoolUrn, string Email);

/// <summary>config/subscriptions.yaml, validated.</summary>
public sealed class Subscriptions
{
    public const string FileName = "subscriptions.yaml";
    public const string SchoolDslAudience = "school_dsl";

    private Subscriptions(IReadOnlyList<Subscription> all) => All = all;

    public IReadOnlyList<Subscription> All { get; }

    public static Subscriptions Empty { get; } = new([]);

    public static Subscriptions Load(string configDirectory)
    {
        var file = Path.Combine(configDirectory, FileName);
        return File.Exists(file) ? Parse(file, File.ReadAllText(file)) : Empty;
    }

    public static Subscriptions From(IEnumerable<Subscription> subscriptions) => new(subscriptions.ToList());

    public static Subscriptions Parse(string file, string yaml)
    {
        var document = YamlDocument.Parse<SubscriptionsDocument>(file, yaml);
        var all = new List<Subscription>();
        var index = 0;
        foreach (var entry in document.Subscriptions ?? [])
        {
            var field = $"subscriptions[{index++}]";
            if (entry is null) throw new ConfigurationException(file, field, "is empty");
            var name = Require.Text(entry.Name, file, $"{field}.name");
            var email = Require.Text(entry.Email, file, $"{field}.email");
            if (!System.Net.Mail.MailAddress.TryCreate(email, out _)) throw new ConfigurationException(file, $"{field}.email", $"'{email}' is not an e-mail address");
            var urn = Require.Text(entry.SchoolUrn, file, $"{field}.school_urn");
            if (!urn.All(char.IsAsciiDigit)) throw new ConfigurationException(file, $"{field}.school_urn", $"'{urn}' is not a school URN (digits only)");
            if (all.Any(s => s.Name == name)) throw new ConfigurationException(file, $"{field}.name", $"'{name}' is used twice");
            all.Add(new Subscription(name, entry.Audience?.Trim() is { Length: > 0 } audience ? audience : SchoolDslAudience, urn, email));
        }

        return new Subscriptions(all);
    }

    internal sealed class SubscriptionsDocument
    {
        public List<SubscriptionDocument?>? Subscriptions { get; set; }
    }

    internal sealed class SubscriptionDocument
    {
        public string? Name { get; set; }
        public string? Audience { get; set; }
        public string? SchoolUrn { get; set; }
        public string? Email { get; set; }
    }
}
