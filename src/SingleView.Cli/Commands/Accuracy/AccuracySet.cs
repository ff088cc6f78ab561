using System.Text.RegularExpressions;
using SingleView.Core.Configuration;

namespace SingleView.Cli.Commands.Accuracy;

/// <summary>
/// One benchmark set of <c>singleview bench accuracy</c>, from <c>scripts/bench/accuracy/&lt;set&gt;/set.yaml</c>:
/// where its deliveries come from (files of a public benchmark, or a generator), the feed definitions a
/// user would write for them, how its truth is read, and the targets it is held to.
/// </summary>
internal sealed record AccuracySet
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Folder { get; init; }
    public required string PipelinesDirectory { get; init; }
    /// <summary>Files of a public benchmark, each delivered as one feed's extract (empty for a generated set).</summary>
    public required IReadOnlyList<(string Feed, string Source)> Deliveries { get; init; }
    public SetGenerator? Generator { get; init; }
    /// <summary>For files: the column holding the record id, whose <see cref="PersonPattern"/> group 1 is the person.</summary>
    public string? RecordIdColumn { get; init; }
    public Regex? PersonPattern { get; init; }
    /// <summary>For a generated set: its truth file (feed,record_id,person_id[,family_id]) and twins file, in the generator's output.</summary>
    public string? TruthFile { get; init; }
    public string? TwinsFile { get; init; }
    public required AccuracyTargets Targets { get; init; }

    public static AccuracySet Load(string folder)
    {
        var file = Path.Combine(folder, "set.yaml");
        if (!File.Exists(file)) throw new ConfigurationException(file, "(file)", "the benchmark set has no set.yaml");
        var document = YamlDocument.Parse<AccuracySetDocument>(file, File.ReadAllText(file));
        var name = Require.Text(document.Name, file, "name");
        var deliveries = (document.Deliveries ?? [])
            .Select((d, i) => (Require.Text(d.Feed, file, $"deliveries[{i}].feed"), Require.Text(d.Source, file, $"deliveries[{i}].source")))
            .ToList();
        SetGenerator? generator = null;
        if (document.Generator is { } g)
        {
            var kind = g.Kind switch
            {
                "authority" => GeneratorKind.Authority,
                "independent" => GeneratorKind.Independent,
                var other => throw new ConfigurationException(file, "generator.kind", $"'{other}' is not 'authority' or 'independent'"),
            };
            generator = new SetGenerator(kind, g.Flavour, g.Size ?? throw new ConfigurationException(file, "generator.size", "is required"), g.Seed ?? 1);
        }

        if ((generator is null) == (deliveries.Count == 0))
        {
            throw new ConfigurationException(file, "deliveries", "a set has either deliveries (files) or a generator, not both or neither");
        }

        var truth = document.Truth ?? throw new ConfigurationException(file, "truth", "is required");
        Regex? pattern = null;
        if (generator is null)
        {
            Require.Text(truth.RecordIdColumn, file, "truth.record_id_column");
            var text = Require.Text(truth.PersonPattern, file, "truth.person_pattern");
            try
            {
                pattern = new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException exception)
            {
                throw new ConfigurationException(file, "truth.person_pattern", exception.Message);
            }
        }
        else
        {
            Require.Text(truth.File, file, "truth.file");
        }

        var targets = document.Targets ?? throw new ConfigurationException(file, "targets", "is required");
        return new AccuracySet
        {
            Name = name,
            Description = document.Description ?? name,
            Folder = folder,
            PipelinesDirectory = Path.GetFullPath(Path.Combine(folder, Require.Text(document.Pipelines, file, "pipelines"))),
            Deliveries = deliveries,
            Generator = generator,
            RecordIdColumn = truth.RecordIdColumn,
            PersonPattern = pattern,
            TruthFile = truth.File,
            TwinsFile = truth.Twins,
            Targets = new AccuracyTargets(
                Require.Between(targets.Precision ?? throw new ConfigurationException(file, "targets.precision", "is required"), 0, 1, file, "targets.precision"),
                Require.Between(targets.Recall ?? throw new ConfigurationException(file, "targets.recall", "is required"), 0, 1, file, "targets.recall"),
                Require.Between(targets.ReviewShare ?? throw new ConfigurationException(file, "targets.review_share", "is required"), 0, 1, file, "targets.review_share"),
                targets.TwinsMerged ?? 0),
        };
    }
}

internal enum GeneratorKind
{
    /// <summary>The project's own synthetic authority (<c>samples generate</c>).</summary>
    Authority,

    /// <summary>The second, independent corruption generator (<c>SingleView.Samples.Corruption.Independent</c>).</summary>
    Independent,
}

internal sealed record SetGenerator(GeneratorKind Kind, string? Flavour, int Size, int Seed);

/// <summary>What a set must reach: pairwise precision and recall at least, review share and twins merged at most.</summary>
internal sealed record AccuracyTargets(double Precision, double Recall, double ReviewShare, int TwinsMerged);
