using System.Collections.Immutable;
using SingleView.Core.Configuration;
using SingleView.Core.Model;

namespace SingleView.Ingest.Definitions;

/// <summary>
/// Validates a feed definition's <c>columns</c>: each target a field of the common model (or a named
/// identifier, <c>identifier.&lt;name&gt;</c>), mapped to one source column or to a list of them for a
/// text field, no column listed twice for one field, and no column feeding two person fields (a
/// copy-and-paste slip that would make every record agree with itself). Every refusal names the line.
/// </summary>
internal static class ColumnMappings
{
    public static ImmutableDictionary<string, ImmutableArray<string>> Parse(
        Dictionary<string, object?>? document, Service service, DefinitionLines lines, string file)
    {
        if (document is null) throw new ConfigurationException(file, "columns", "is required");
        var columns = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        // Source column → the person field that first took it, to refuse a second.
        var personFieldOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (target, value) in document)
        {
            var field = $"columns.{target}";
            var at = lines.At(field);
            if (!TargetFields.IsKnown(service, target)) throw new ConfigurationException(file, field, $"{at}{UnknownTarget(service, target)}");
            var sources = Sources(value, target, lines, file);
            foreach (var (column, index) in sources.Select((c, i) => (c, i)))
            {
                var columnAt = lines.At(sources.Length == 1 && value is string ? field : $"{field}[{index}]");
                if (sources.Take(index).Contains(column, StringComparer.Ordinal))
                {
                    throw new ConfigurationException(file, field, $"{columnAt}'{column}' is listed twice");
                }

                if (!TargetFields.IsPersonField(target)) continue;
                if (personFieldOf.TryGetValue(column, out var other))
                {
                    throw new ConfigurationException(
                        file, field, $"{columnAt}the column '{column}' is already mapped to {other}{Line(lines, $"columns.{other}")}; a column may feed one person field");
                }

                personFieldOf[column] = target;
            }

            columns[target] = sources;
        }

        return columns.ToImmutable();
    }

    private static ImmutableArray<string> Sources(object? value, string target, DefinitionLines lines, string file)
    {
        var field = $"columns.{target}";
        switch (value)
        {
            case string column:
                return [Require.Text(column, file, field)];
            case List<object?> list:
                if (!TargetFields.Joinable.Contains(target))
                {
                    throw new ConfigurationException(file, field, $"{lines.At(field)}takes one column: only text fields ({string.Join(", ", TargetFields.Joinable.Order(StringComparer.Ordinal))}) may join several");
                }

                if (list.Count == 0) throw new ConfigurationException(file, field, $"{lines.At(field)}lists no columns");
                return [.. list.Select((item, i) => item is string text
                    ? Require.Text(text, file, $"{field}[{i}]")
                    : throw new ConfigurationException(file, $"{field}[{i}]", $"{lines.At($"{field}[{i}]")}must be a column name"))];
            case null:
                throw new ConfigurationException(file, field, $"{lines.At(field)}is required (a column name, or a list of them)");
            default:
                throw new ConfigurationException(file, field, $"{lines.At(field)}must be a column name, or a list of them");
        }
    }

    private static string UnknownTarget(Service service, string target)
    {
        if (target.StartsWith(StandardFields.IdentifierPrefix, StringComparison.Ordinal))
        {
            return $"is not a named identifier: {TargetFields.NamedIdentifierProblem(target[StandardFields.IdentifierPrefix.Length..])}";
        }

        return $"is not a field of the common data model for {service}";
    }

    private static string Line(DefinitionLines lines, string path) => lines.LineOf(path) is { } line ? $" on line {line}" : string.Empty;
}
