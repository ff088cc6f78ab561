using System.Collections.Immutable;
using SingleView.Core.Configuration;
using SingleView.Core.Model;

namespace SingleView.Golden.Survivorship;

public enum SurvivorshipRule
{
    SourcePriority,
    MostRecent,
    MostFrequent,
    FirstNonEmpty,
}

/// <summary>The rule for one golden field, and the feed order it breaks ties by.</summary>
public sealed record FieldRule(SurvivorshipRule Rule, ImmutableArray<string> Priority);

/// <summary>Validated survivorship settings (config/survivorship.yaml).</summary>
public sealed record SurvivorshipRules(ImmutableArray<string> DefaultOrder, ImmutableDictionary<string, FieldRule> Fields)
{
    public const string FileName = "survivorship.yaml";

    public static SurvivorshipRules LoadDirectory(string configDirectory)
    {
        var file = Path.Combine(configDirectory, FileName);
        if (!File.Exists(file)) throw new ConfigurationException(file, "(file)", "does not exist");
        return Parse(file, File.ReadAllText(file));
    }

    public static SurvivorshipRules Parse(string file, string yaml)
    {
        var document = YamlDocument.Parse<SurvivorshipDocument>(file, yaml);
        var order = (document.DefaultOrder ?? []).ToImmutableArray();
        var fields = ImmutableDictionary.CreateBuilder<string, FieldRule>(StringComparer.Ordinal);
        foreach (var (field, rule) in document.Fields ?? [])
        {
            if (!StandardFields.Golden.Contains(field))
            {
                throw new ConfigurationException(file, $"fields.{field}", $"is not a golden field ({string.Join(", ", StandardFields.Golden)})");
            }

            var parsed = Require.Enum<SurvivorshipRule>(rule.Rule, file, $"fields.{field}.rule");
            if (parsed == SurvivorshipRule.SourcePriority && rule.Priority is not { Count: > 0 })
            {
                throw new ConfigurationException(file, $"fields.{field}.priority", "source_priority needs a priority list of feeds");
            }

            fields[field] = new FieldRule(parsed, (rule.Priority ?? []).ToImmutableArray());
        }

        foreach (var field in StandardFields.Golden.Where(f => !fields.ContainsKey(f)))
        {
            fields[field] = new FieldRule(SurvivorshipRule.FirstNonEmpty, []);
        }

        return new SurvivorshipRules(order, fields.ToImmutable());
    }
}
