using System.Collections.Immutable;
using SingleView.Core.Configuration;

namespace SingleView.Match.Model;

/// <summary>
/// Reads config/matching.yaml, config/nicknames.csv and, when present, the trained
/// config/match-parameters.yaml into a validated <see cref="MatchModel"/>. This is the one entry point
/// the refresh and <c>explain</c> use; nightly runs load the saved parameters and never retrain.
/// </summary>
public static class MatchModelLoader
{
    public const string FileName = "matching.yaml";
    public const string NicknamesFileName = "nicknames.csv";
    public const string ParametersFileName = "match-parameters.yaml";

    public static MatchModel LoadDirectory(string configDirectory)
    {
        var file = Path.Combine(configDirectory, FileName);
        if (!File.Exists(file)) throw new ConfigurationException(file, "(file)", "does not exist");
        var nicknamesFile = Path.Combine(configDirectory, NicknamesFileName);
        var nicknames = File.Exists(nicknamesFile) ? NicknameTable.Parse(File.ReadAllText(nicknamesFile)) : NicknameTable.Empty;
        var model = Parse(file, File.ReadAllText(file), nicknames);
        var parametersFile = Path.Combine(configDirectory, ParametersFileName);
        return File.Exists(parametersFile) ? MatchParametersFile.Apply(model, parametersFile, File.ReadAllText(parametersFile)) : model;
    }

    /// <summary>The model as configured (starting values), without trained parameters.</summary>
    public static MatchModel LoadConfiguredDirectory(string configDirectory)
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
        string Field(string field, params string[] tokens) => field + YamlLines.At(YamlLines.Find(yaml, tokens));
        var prior = document.PriorMatchProbability ?? throw new ConfigurationException(file, "prior_match_probability", "is required");
        if (prior is <= 0 or >= 1) throw new ConfigurationException(file, Field("prior_match_probability", "prior_match_probability"), $"{prior} must be between 0 and 1, exclusive");
        var link = document.Thresholds?.LinkProbability ?? throw new ConfigurationException(file, "thresholds.link_probability", "is required");
        var review = document.Thresholds?.ReviewProbability ?? throw new ConfigurationException(file, "thresholds.review_probability", "is required");
        Require.Between(link, 0.5, 1 - 1e-12, file, Field("thresholds.link_probability", "link_probability"));
        Require.Between(review, 0, link, file, Field("thresholds.review_probability", "review_probability"));
        var termFrequency = new TermFrequencySettings(
            Require.Between(document.TermFrequency?.MinimumU ?? TermFrequencySettings.Default.MinimumU, 1e-12, 1, file, Field("term_frequency.minimum_u", "minimum_u")),
            Require.Between(document.TermFrequency?.AdjustmentWeight ?? TermFrequencySettings.Default.AdjustmentWeight, 0, 1, file, Field("term_frequency.adjustment_weight", "adjustment_weight")),
            (int)Require.Between(document.TermFrequency?.MinimumValues ?? TermFrequencySettings.Default.MinimumValues, 0, int.MaxValue, file, Field("term_frequency.minimum_values", "minimum_values")));

        return new MatchModel
        {
            ParametersSource = document.ParametersSource ?? "(not stated)",
            PriorMatchProbability = prior,
            LinkProbability = link,
            ReviewProbability = review,
            BlockingRules = ParseBlockingRules(document.BlockingRules, file, yaml, "blocking_rules", required: true),
            TrainingBlockingRules = ParseBlockingRules(document.Training?.BlockingRules, file, yaml, "training.blocking_rules", required: false),
            Comparisons = ComparisonParser.Parse(document.Comparisons, file, yaml),
            Safeguards = ParseSafeguards(document.Safeguards, file),
            Nicknames = nicknames,
            TermFrequency = termFrequency,
        };
    }

    private static ImmutableArray<BlockingRule> ParseBlockingRules(List<BlockingRuleDocument>? rules, string file, string yaml, string path, bool required)
    {
        if (rules is not { Count: > 0 })
        {
            return required ? throw new ConfigurationException(file, path, "at least one rule is required") : [];
        }

        return rules.Select((rule, i) =>
        {
            var field = $"{path}[{i}]";
            var name = Require.Text(rule.Name, file, $"{field}.name");
            var at = YamlLines.At(YamlLines.Find(yaml, path.Split('.')[^1] + ":", name));
            if (rule.Keys is not { Count: > 0 }) throw new ConfigurationException(file, $"{field}.keys{at}", "at least one key is required");
            var keys = rule.Keys.Select(k => Require.Enum<BlockingKey>(k, file, $"{field}.keys{at}")).ToImmutableArray();
            return new BlockingRule(name, keys);
        }).ToImmutableArray();
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
            spread)
        {
            NotLinkedOnDifferentFirstNameAtSameHomeAndBirthday = safeguards?.NotLinkedOnDifferentFirstNameAtSameHomeAndBirthday ?? true,
            NotLinkedOnDistantDateOfBirth = safeguards?.NotLinkedOnDistantDateOfBirth ?? true,
            NoAutomaticLinkOnNamesakeInOneSourceWithoutDateOfBirth = safeguards?.NoAutomaticLinkOnNamesakeInOneSourceWithoutDateOfBirth ?? true,
        };
    }
}
