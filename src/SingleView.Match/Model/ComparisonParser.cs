using System.Collections.Immutable;
using SingleView.Core.Configuration;

namespace SingleView.Match.Model;

/// <summary>Validates the comparisons of config/matching.yaml: known columns, level kinds that suit the column, sound m and u.</summary>
internal static class ComparisonParser
{
    private static readonly LevelKind[] NameKinds =
    [
        LevelKind.Exact, LevelKind.Nickname, LevelKind.SharedPart, LevelKind.Misspelling, LevelKind.JaroWinkler, LevelKind.Phonetic,
        LevelKind.EditDistance, LevelKind.InitialOrMiddleName, LevelKind.SwappedNames, LevelKind.CrossedName, LevelKind.Truncated, LevelKind.Else,
    ];

    private static readonly LevelKind[] PostcodeKinds = [LevelKind.Exact, LevelKind.PostcodeFull, LevelKind.PostcodeSector, LevelKind.PostcodeDistrict, LevelKind.Else];

    /// <summary>Which level kinds make sense for each column.</summary>
    public static IReadOnlyList<LevelKind> KindsFor(ComparisonColumn column) => column switch
    {
        ComparisonColumn.FirstName or ComparisonColumn.FamilyName => NameKinds,
        ComparisonColumn.DateOfBirth => [LevelKind.Exact, LevelKind.DayMonthSwapped, LevelKind.OneDigitOff, LevelKind.DigitsTransposed, LevelKind.WithinDays, LevelKind.Else],
        ComparisonColumn.Gender => [LevelKind.Exact, LevelKind.Else],
        ComparisonColumn.Address => [LevelKind.Exact, LevelKind.HouseAndStreet, LevelKind.JaroWinkler, LevelKind.EditDistance, LevelKind.PostcodeFull, LevelKind.PostcodeSector, LevelKind.PostcodeDistrict, LevelKind.Else],
        ComparisonColumn.Postcode => PostcodeKinds,
        ComparisonColumn.City => [LevelKind.Exact, LevelKind.JaroWinkler, LevelKind.EditDistance, LevelKind.Phonetic, LevelKind.Else],
        ComparisonColumn.Email => [LevelKind.Exact, LevelKind.EditDistance, LevelKind.JaroWinkler, LevelKind.Else],
        _ => [LevelKind.Exact, LevelKind.Conflicting, LevelKind.EditDistance, LevelKind.Else],
    };

    public static ImmutableArray<ComparisonDefinition> Parse(List<ComparisonDocument>? comparisons, string file, string yaml)
    {
        if (comparisons is not { Count: > 0 }) throw new ConfigurationException(file, "comparisons", "at least one comparison is required");
        // Training packs a pair's levels into 64 bits, five bits a comparison.
        if (comparisons.Count > 12) throw new ConfigurationException(file, "comparisons", "at most 12 comparisons");
        var result = ImmutableArray.CreateBuilder<ComparisonDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < comparisons.Count; c++)
        {
            var document = comparisons[c];
            var name = Require.Text(document.Name, file, $"comparisons[{c}].name");
            var at = YamlLines.At(YamlLines.Find(yaml, "comparisons:", $"name: {name}"));
            var path = $"comparisons[{name}]";
            if (!names.Add(name)) throw new ConfigurationException(file, path + at, "is defined twice");
            var column = Require.Enum<ComparisonColumn>(document.Column, file, $"{path}.column{at}");
            if (document.Levels is { Count: > 30 }) throw new ConfigurationException(file, $"{path}.levels{at}", "at most 30 levels");
            if (document.Levels is not { Count: >= 2 }) throw new ConfigurationException(file, $"{path}.levels{at}", "needs at least two levels, the last of kind else");
            var levels = ImmutableArray.CreateBuilder<ComparisonLevel>();
            var levelNames = new HashSet<string>(StringComparer.Ordinal);
            for (var l = 0; l < document.Levels.Count; l++)
            {
                var level = document.Levels[l];
                var levelName = Require.Text(level.Name, file, $"{path}.levels[{l}].name{at}");
                var field = $"{path}.levels[{levelName}]";
                var levelAt = YamlLines.At(YamlLines.Find(yaml, "comparisons:", $"name: {name}", $"name: {levelName}"));
                if (levelName == "null") throw new ConfigurationException(file, field + levelAt, "'null' is the implicit level of a missing value and cannot be configured");
                if (!levelNames.Add(levelName)) throw new ConfigurationException(file, field + levelAt, "is defined twice");
                var kind = Require.Enum<LevelKind>(level.Kind, file, $"{field}.kind{levelAt}");
                if (!KindsFor(column).Contains(kind))
                {
                    throw new ConfigurationException(file, $"{field}.kind{levelAt}", $"{kind} does not apply to column {column} ({string.Join(", ", KindsFor(column))})");
                }

                var isLast = l == document.Levels.Count - 1;
                if (isLast != (kind == LevelKind.Else)) throw new ConfigurationException(file, $"{field}.kind{levelAt}", "the last level, and only the last, must be of kind else");
                if (level.TermFrequency == true && kind != LevelKind.Exact && kind != LevelKind.PostcodeFull)
                {
                    throw new ConfigurationException(file, $"{field}.term_frequency{levelAt}", "applies only to an exact (or postcode_full) level");
                }

                levels.Add(new ComparisonLevel
                {
                    Comparison = name,
                    Name = levelName,
                    Kind = kind,
                    Threshold = kind == LevelKind.JaroWinkler
                        ? Require.Between(level.Threshold ?? throw new ConfigurationException(file, $"{field}.threshold{levelAt}", "is required for jaro_winkler"), 0.5, 1, file, $"{field}.threshold{levelAt}")
                        : kind == LevelKind.SwappedNames && level.Threshold is { } swapThreshold
                            ? Require.Between(swapThreshold, 0.5, 1, file, $"{field}.threshold{levelAt}")
                            : 0,
                    MaxEdits = kind is LevelKind.EditDistance or LevelKind.Misspelling
                        ? (int)Require.Between(level.MaxEdits ?? 1, 1, 3, file, $"{field}.max_edits{levelAt}")
                        : 0,
                    Days = kind == LevelKind.WithinDays
                        ? (int)Require.Between(level.Days ?? throw new ConfigurationException(file, $"{field}.days{levelAt}", "is required for within_days"), 1, 36500, file, $"{field}.days{levelAt}")
                        : 0,
                    MaxRarerCount = kind == LevelKind.Misspelling ? (int)Require.Between(level.MaxRarerCount ?? 1, 0, 1000, file, $"{field}.max_rarer_count{levelAt}") : 0,
                    MaxRarerShare = kind == LevelKind.Misspelling ? Require.Between(level.MaxRarerShare ?? 0.05, 0, 1, file, $"{field}.max_rarer_share{levelAt}") : 0,
                    TermFrequency = level.TermFrequency ?? false,
                    Fixed = level.Fixed ?? false,
                    M = Probability(level.M, file, $"{field}.m{levelAt}"),
                    U = Probability(level.U, file, $"{field}.u{levelAt}"),
                });
            }

            CheckSumsToOne(levels.Sum(l => l.M), file, path + at, "m");
            CheckSumsToOne(levels.Sum(l => l.U), file, path + at, "u");
            result.Add(new ComparisonDefinition(name, column, levels.ToImmutable()));
        }

        for (var c = 0; c < comparisons.Count; c++)
        {
            if (comparisons[c].OnlyWhenDifferent is not { } other) continue;
            var index = result.Select(d => d.Name).ToList().IndexOf(other);
            var at = YamlLines.At(YamlLines.Find(yaml, "comparisons:", $"name: {result[c].Name}", "only_when_different"));
            if (index < 0 || index == c) throw new ConfigurationException(file, $"comparisons[{result[c].Name}].only_when_different{at}", $"'{other}' is not another comparison");
            result[c] = result[c] with { OnlyWhenDifferentIndex = index };
        }

        return result.ToImmutable();
    }

    internal static double Probability(double? value, string file, string field)
    {
        var p = value ?? throw new ConfigurationException(file, field, "is required");
        return p is > 0 and <= 1 ? p : throw new ConfigurationException(file, field, $"{p} must be above 0 and at most 1");
    }

    internal static void CheckSumsToOne(double sum, string file, string field, string which)
    {
        if (Math.Abs(sum - 1) > 0.01) throw new ConfigurationException(file, field, $"the {which} probabilities of its levels add up to {sum:0.####}, not 1");
    }
}
