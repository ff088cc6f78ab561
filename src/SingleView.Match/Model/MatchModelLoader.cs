using System.Collections.Immutable;
using SingleView.Core.Configuration;

namespace SingleView.Match.Model;

/// <summary>Reads config/matching.yaml and config/nicknames.csv into a validated <see cref="MatchModel"/>.</summary>
public static class MatchModelLoader
{
    public const string FileName = "matching.yaml";
    public const string NicknamesFileName = "nicknames.csv";

    public static MatchModel LoadDirectory(string configDirectory)
    {
        var file = Path.Combine(configDirectory, FileName);
        if (!File.Exists(file)) throw new ConfigurationException(file, "(file)", "does not exist");
        var nicknamesFile = Path.Combine(configDirectory, NicknamesFileName);
        var nicknames = File.Exists(nicknamesFile) ? NicknameTable.Parse(File.ReadAllText(nicknamesFile)) : NicknameTable.Empty;
        return Parse(file, File.ReadAllText(file), nicknames);
    }

    public static MatchModel Parse(string file, string yaml, NicknameTable nicknames)
    {
        var document = YamlDocument.Parse<MatchSettingsDocument>(file, yaml);
        var prior = document.PriorMatchProbability ?? throw new ConfigurationException(file, "prior_match_probability", "is required");
        if (prior is <= 0 or >= 1) throw new ConfigurationException(file, "prior_match_probability", $"{prior} must be between 0 and 1, exclusive");
        var link = document.Thresholds?.LinkProbability ?? throw new ConfigurationException(file, "thresholds.link_probability", "is required");
        var review = document.Thresholds?.ReviewProbability ?? throw new ConfigurationException(file, "thresholds.review_probability", "is required");
        Require.Between(link, 0.5, 1, file, "thresholds.link_probability");
        Require.Between(review, 0, link, file, "thresholds.review_probability");

        return new MatchModel
        {
            ParametersSource = document.ParametersSource ?? "(not stated)",
            PriorMatchProbability = prior,
            LinkProbability = link,
            ReviewProbability = review,
            BlockingRules = ParseBlockingRules(document.BlockingRules, file),
            Levels = ParseComparisons(document.Comparisons, file),
            Safeguards = ParseSafeguards(document.Safeguards, file),
            Nicknames = nicknames,
        };
    }

    private static ImmutableArray<BlockingRule> ParseBlockingRules(List<BlockingRuleDocument>? rules, string file)
    {
        if (rules is not { Count: > 0 }) throw new ConfigurationException(file, "blocking_rules", "at least one rule is required");
        return rules.Select((rule, i) =>
        {
            var field = $"blocking_rules[{i}]";
            var name = Require.Text(rule.Name, file, $"{field}.name");
            if (rule.Keys is not { Count: > 0 }) throw new ConfigurationException(file, $"{field}.keys", "at least one key is required");
            var keys = rule.Keys.Select(k => Require.Enum<BlockingKey>(k, file, $"{field}.keys")).ToImmutableArray();
            return new BlockingRule(name, keys);
        }).ToImmutableArray();
    }

    private static ImmutableDictionary<Comparison, ImmutableDictionary<string, ComparisonLevel>> ParseComparisons(
        Dictionary<string, Dictionary<string, LevelDocument>>? comparisons, string file)
    {
        if (comparisons is null) throw new ConfigurationException(file, "comparisons", "is required");
        var known = ComparisonLevels.All.ToDictionary(kv => kv.Value.Name, kv => kv.Key, StringComparer.Ordinal);
        foreach (var name in comparisons.Keys)
        {
            if (!known.ContainsKey(name)) throw new ConfigurationException(file, $"comparisons.{name}", $"is not a comparison ({string.Join(", ", known.Keys)})");
        }

        var result = ImmutableDictionary.CreateBuilder<Comparison, ImmutableDictionary<string, ComparisonLevel>>();
        foreach (var (comparison, (name, levels)) in ComparisonLevels.All)
        {
            if (!comparisons.TryGetValue(name, out var configured)) throw new ConfigurationException(file, $"comparisons.{name}", "is missing");
            var extra = configured.Keys.FirstOrDefault(k => !levels.Contains(k));
            if (extra is not null) throw new ConfigurationException(file, $"comparisons.{name}.{extra}", $"is not a level of {name} ({string.Join(", ", levels)})");
            var built = ImmutableDictionary.CreateBuilder<string, ComparisonLevel>(StringComparer.Ordinal);
            foreach (var level in levels)
            {
                var field = $"comparisons.{name}.{level}";
                if (!configured.TryGetValue(level, out var probabilities)) throw new ConfigurationException(file, field, "is missing");
                var m = Probability(probabilities.M, file, $"{field}.m");
                var u = Probability(probabilities.U, file, $"{field}.u");
                built[level] = new ComparisonLevel(comparison, level, m, u);
            }

            CheckSumsToOne(built.Values.Sum(l => l.M), file, $"comparisons.{name}", "m");
            CheckSumsToOne(built.Values.Sum(l => l.U), file, $"comparisons.{name}", "u");
            result[comparison] = built.ToImmutable();
        }

        return result.ToImmutable();
    }

    private static MatchSafeguards ParseSafeguards(SafeguardsDocument? safeguards, string file)
    {
        var minimum = Require.Enum<MinimumEvidence>(safeguards?.MinimumEvidence ?? "name_and_date_of_birth_or_address", file, "safeguards.minimum_evidence");
        var spread = safeguards?.ClusterMaxDateOfBirthSpreadDays ?? 366;
        if (spread < 0) throw new ConfigurationException(file, "safeguards.cluster_max_date_of_birth_spread_days", "must not be negative");
        return new MatchSafeguards(
            safeguards?.NoAutomaticLinkOnDifferentFirstName ?? true,
            safeguards?.NoAutomaticLinkOnDifferentDateOfBirth ?? true,
            safeguards?.NoAutomaticLinkOnConflictingIdentifier ?? true,
            safeguards?.NoAutomaticLinkOnPossibleTwins ?? true,
            minimum,
            spread);
    }

    private static double Probability(double? value, string file, string field)
    {
        var p = value ?? throw new ConfigurationException(file, field, "is required");
        return p is > 0 and <= 1 ? p : throw new ConfigurationException(file, field, $"{p} must be above 0 and at most 1");
    }

    private static void CheckSumsToOne(double sum, string file, string field, string which)
    {
        if (Math.Abs(sum - 1) > 0.01) throw new ConfigurationException(file, field, $"the {which} probabilities of its levels add up to {sum:0.####}, not 1");
    }
}
