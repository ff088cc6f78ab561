using SingleView.Core.Configuration;
using SingleView.Core.Model;

namespace SingleView.Serve.Configuration;

/// <summary>display.yaml, validated: age rules per service, when a feed counts as stale, and the disclaimer.</summary>
internal sealed record DisplaySettings(int StaleAfterDays, string Disclaimer, IReadOnlyDictionary<Service, AgeRule> AgeRules)
{
    private static readonly AgeRule Always = new(null, null);

    public AgeRule AgeRuleFor(Service service) => AgeRules.GetValueOrDefault(service, Always);

    public static DisplaySettings Load(string file)
    {
        if (!File.Exists(file)) throw new ConfigurationException(file, "(file)", "does not exist");
        return Parse(file, File.ReadAllText(file));
    }

    public static DisplaySettings Parse(string file, string text)
    {
        var document = YamlDocument.Parse<DisplayDocument>(file, text);
        var staleAfterDays = document.StaleAfterDays ?? throw new ConfigurationException(file, "stale_after_days", "is required");
        if (staleAfterDays < 1) throw new ConfigurationException(file, "stale_after_days", "must be at least 1");
        var disclaimer = Require.Text(document.Disclaimer, file, "disclaimer");
        var rules = new Dictionary<Service, AgeRule>();
        foreach (var (name, rule) in document.AgeRules ?? [])
        {
            var field = $"age_rules.{name}";
            var service = Require.Enum<Service>(name, file, field);
            if (rule is null || (rule.MinAge is null && rule.MaxAge is null))
            {
                throw new ConfigurationException(file, field, "needs min_age, max_age or both");
            }

            if (rule.MinAge is < 0) throw new ConfigurationException(file, $"{field}.min_age", "must not be negative");
            if (rule.MinAge > rule.MaxAge) throw new ConfigurationException(file, $"{field}.max_age", "is below min_age");
            rules[service] = new AgeRule(rule.MinAge, rule.MaxAge);
        }

        return new DisplaySettings(staleAfterDays, disclaimer, rules);
    }
}
