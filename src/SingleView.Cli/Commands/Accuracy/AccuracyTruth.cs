using SingleView.Core.Configuration;
using SingleView.Refresh.Evaluation;

namespace SingleView.Cli.Commands.Accuracy;

/// <summary>
/// The truth of a benchmark set: for every input row (feed, record id) the true person and family, and
/// the pairs of people who are twins and must never merge. Every row of every delivery is in it, so a
/// row the refresh never published still counts.
/// </summary>
internal sealed record AccuracyTruth(
    IReadOnlyDictionary<(string Feed, string RecordId), (string PersonId, string? FamilyId)> Rows,
    IReadOnlyList<(string Left, string Right)>? TwinPairs)
{
    /// <summary>
    /// From the record ids of the delivered files themselves (FEBRL: <c>rec-123-dup-0</c> is person 123).
    /// The benchmark files are plain comma-separated text with no quoting; cells and headers are trimmed.
    /// </summary>
    public static AccuracyTruth FromRecordIds(AccuracySet set, IEnumerable<(string Feed, string File)> deliveries)
    {
        var rows = new Dictionary<(string, string), (string, string?)>();
        foreach (var (feed, file) in deliveries)
        {
            using var reader = new StreamReader(file);
            var header = (reader.ReadLine() ?? string.Empty).Split(',').Select(h => h.Trim()).ToList();
            var column = header.IndexOf(set.RecordIdColumn!);
            if (column < 0) throw new ConfigurationException(file, set.RecordIdColumn!, "the delivery's header has no such column (truth.record_id_column)");
            var line = 1;
            while (reader.ReadLine() is { } text)
            {
                line++;
                if (text.Trim().Length == 0) continue;
                var cells = text.Split(',');
                var recordId = column < cells.Length ? cells[column].Trim() : string.Empty;
                var match = set.PersonPattern!.Match(recordId);
                if (!match.Success || match.Groups.Count < 2)
                {
                    throw new ConfigurationException(file, $"line {line}", $"record id '{recordId}' does not match truth.person_pattern");
                }

                if (!rows.TryAdd((feed, recordId), (match.Groups[1].Value, null)))
                {
                    throw new ConfigurationException(file, $"line {line}", $"record id '{recordId}' appears twice");
                }
            }
        }

        return new AccuracyTruth(rows, null);
    }

    /// <summary>From a generator's truth file (<c>feed,record_id,person_id[,family_id]</c>) and, if named, its twins file (<c>person_id,twin_person_id</c>).</summary>
    public static AccuracyTruth FromFiles(string truthFile, string? twinsFile)
    {
        var truth = TruthEvaluation.ReadTruth(truthFile);
        List<(string, string)>? twins = null;
        if (twinsFile is not null)
        {
            if (!File.Exists(twinsFile)) throw new ConfigurationException(twinsFile, "(file)", "the twins file does not exist");
            twins = File.ReadLines(twinsFile).Skip(1).Where(l => l.Length > 0)
                .Select(l => l.Split(','))
                .Select(cells => (cells[0].Trim(), cells[1].Trim()))
                .ToList();
        }

        return new AccuracyTruth(truth.People, twins);
    }
}
