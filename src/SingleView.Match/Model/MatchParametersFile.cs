using System.Collections.Immutable;
using SingleView.Core.Configuration;

namespace SingleView.Match.Model;

/// <summary>
/// Applies config/match-parameters.yaml (written by <c>singleview train</c>) to the configured model:
/// every trained level's m and u, and the prior. A file naming a comparison or level the configuration
/// no longer has is an error: the parameters are stale and must be retrained.
/// </summary>
public static class MatchParametersFile
{
    public static MatchModel Apply(MatchModel model, string file, string yaml)
    {
        ArgumentNullException.ThrowIfNull(model);
        var document = YamlDocument.Parse<MatchParametersDocument>(file, yaml);
        var trained = document.Comparisons ?? throw new ConfigurationException(file, "comparisons", "is required");
        foreach (var (name, levels) in trained)
        {
            var at = YamlLines.At(YamlLines.Find(yaml, "comparisons:", $"{name}:"));
            var comparison = model.Comparison(name)
                ?? throw new ConfigurationException(file, $"comparisons.{name}{at}", "is not a comparison in matching.yaml: the parameters are stale; run `singleview train`");
            foreach (var level in levels.Keys.Where(l => comparison.IndexOf(l) < 0))
            {
                throw new ConfigurationException(file, $"comparisons.{name}.{level}{at}", $"is not a level of {name} in matching.yaml: the parameters are stale; run `singleview train`");
            }
        }

        var comparisons = model.Comparisons.Select(comparison =>
        {
            if (!trained.TryGetValue(comparison.Name, out var levels)) return comparison;
            var updated = comparison.Levels.Select(level =>
            {
                if (level.Fixed || !levels.TryGetValue(level.Name, out var values)) return level;
                var field = $"comparisons.{comparison.Name}.{level.Name}" + YamlLines.At(YamlLines.Find(yaml, "comparisons:", $"{comparison.Name}:", $"{level.Name}:"));
                return level with
                {
                    M = ComparisonParser.Probability(values.M, file, field + ".m"),
                    U = ComparisonParser.Probability(values.U, file, field + ".u"),
                    Source = $"m: {values.MSource ?? "trained"}; u: {values.USource ?? "trained"}",
                };
            }).ToImmutableArray();
            return comparison with { Levels = updated };
        }).ToImmutableArray();

        var prior = document.PriorMatchProbability ?? model.PriorMatchProbability;
        if (prior is <= 0 or >= 1) throw new ConfigurationException(file, "prior_match_probability", $"{prior} must be between 0 and 1, exclusive");
        var provenance = new ParameterProvenance
        {
            Source = document.Source ?? "trained",
            TrainedAt = document.TrainedAt,
            Records = document.Records ?? 0,
            Feeds = document.Feeds ?? [],
            TrainingBlockingRules = document.TrainingBlockingRules ?? [],
            Seed = document.Seed ?? 0,
            RandomPairs = document.RandomPairs ?? 0,
            File = file,
        };
        return model with
        {
            Comparisons = comparisons,
            PriorMatchProbability = prior,
            Provenance = provenance,
            ParametersSource = $"{provenance.Source}, {file}",
        };
    }
}
