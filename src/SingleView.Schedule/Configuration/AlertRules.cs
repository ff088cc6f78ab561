using SingleView.Core.Configuration;

namespace SingleView.Schedule.Configuration;

/// <summary>config/alerts.yaml, validated: the events that alert and to whom.</summary>
public sealed class AlertRules
{
    public const string FileName = "alerts.yaml";

    private AlertRules(IReadOnlyList<AlertRule> rules) => Rules = rules;

    public IReadOnlyList<AlertRule> Rules { get; }

    public static AlertRules Empty { get; } = new([]);

    /// <summary>A missing file means no alerts.</summary>
    public static AlertRules Load(string configDirectory)
    {
        var file = Path.Combine(configDirectory, FileName);
        return File.Exists(file) ? Parse(file, File.ReadAllText(file)) : Empty;
    }

    public static AlertRules Parse(string file, string yaml)
    {
        var document = YamlDocument.Parse<AlertsDocument>(file, yaml);
        var rules = new List<AlertRule>();
        foreach (var (name, rule) in document.Rules ?? [])
        {
            var field = $"rules.{name}";
            if (rule is null) throw new ConfigurationException(file, field, "is empty");
            var when = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (condition, accepted) in rule.When ?? [])
            {
                if (!AlertFields.IsKnown(condition)) throw new ConfigurationException(file, $"{field}.when.{condition}", $"is not a field a rule can test ({string.Join(", ", AlertFields.Involvement)}, {AlertFields.PersonKind}, detail.<name>)");
                var values = Values(accepted);
                if (values.Count == 0) throw new ConfigurationException(file, $"{field}.when.{condition}", "needs at least one value (\"*\" for any)");
                when[condition] = values;
            }

            if (when.Count == 0) throw new ConfigurationException(file, $"{field}.when", "needs at least one condition");
            if (rule.DateField is { Length: > 0 } date && !AlertFields.IsKnown(date)) throw new ConfigurationException(file, $"{field}.date_field", $"'{date}' is not a field a rule can read");
            var to = (rule.To ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
            if (to.Count == 0) throw new ConfigurationException(file, $"{field}.to", "needs at least one audience (e.g. school_dsl)");
            rules.Add(new AlertRule
            {
                Name = name,
                Kind = Require.Text(rule.Kind, file, $"{field}.kind"),
                Feed = Require.Text(rule.Feed, file, $"{field}.feed"),
                When = when,
                DateField = string.IsNullOrWhiteSpace(rule.DateField) ? null : rule.DateField.Trim(),
                To = to,
            });
        }

        return new AlertRules(rules);
    }

    private static List<string> Values(object? accepted) => accepted switch
    {
        null => [],
        string text => [text.Trim()],
        IEnumerable<object> list => list.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? string.Empty).Where(v => v.Length > 0).ToList(),
        _ => [Convert.ToString(accepted, System.Globalization.CultureInfo.InvariantCulture)!.Trim()],
    };

    internal sealed class AlertsDocument
    {
        public Dictionary<string, RuleDocument?>? Rules { get; set; }
    }

    internal sealed class RuleDocument
    {
        public string? Kind { get; set; }
        public string? Feed { get; set; }
        public Dictionary<string, object?>? When { get; set; }
        public string? DateField { get; set; }
        public List<string>? To { get; set; }
    }
}
