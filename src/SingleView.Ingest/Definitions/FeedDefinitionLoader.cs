using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SingleView.Core.Configuration;
using SingleView.Core.Model;

namespace SingleView.Ingest.Definitions;

/// <summary>
/// Reads and validates feed definitions. Every problem is a <see cref="ConfigurationException"/>
/// naming the file, the field and what is wrong.
/// </summary>
public static class FeedDefinitionLoader
{
    static FeedDefinitionLoader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Every <c>*.yaml</c> / <c>*.yml</c> in the folder, in name order.</summary>
    public static IReadOnlyList<FeedDefinition> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ConfigurationException(directory, "(folder)", "the pipelines folder does not exist");
        }

        var files = Directory.EnumerateFiles(directory, "*.yaml")
            .Concat(Directory.EnumerateFiles(directory, "*.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) throw new ConfigurationException(directory, "(folder)", "holds no feed definitions (*.yaml)");
        var definitions = files.Select(f => Parse(f, File.ReadAllText(f))).ToList();
        var duplicate = definitions.GroupBy(d => d.Feed, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ConfigurationException(duplicate.Last().DefinitionFile, "feed", $"'{duplicate.Key}' is also defined in {duplicate.First().DefinitionFile}");
        }

        return definitions;
    }

    public static FeedDefinition Parse(string file, string yaml)
    {
        var document = YamlDocument.Parse<FeedDefinitionDocument>(file, yaml);
        var lines = DefinitionLines.Read(file, yaml);
        var feed = Require.Text(document.Feed, file, "feed");
        if (!feed.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            throw new ConfigurationException(file, "feed", $"'{feed}' must be lower-case letters, digits, '-' or '_' (it names folders in the lake)");
        }

        var service = Require.Enum<Service>(document.Service, file, "service");
        var columns = ColumnMappings.Parse(document.Columns, service, lines, file);
        var identifiers = (document.Identifiers ?? []).Select(i => i.Trim()).ToImmutableArray();
        for (var i = 0; i < identifiers.Length; i++)
        {
            var identifier = identifiers[i];
            var at = lines.At($"identifiers[{i}]");
            if (!TargetFields.Identifiers.Contains(identifier) && !TargetFields.IsNamedIdentifier(identifier))
            {
                throw new ConfigurationException(file, "identifiers", $"{at}'{identifier}' is not one of {string.Join(", ", TargetFields.Identifiers)} or identifier.<name>");
            }

            if (!columns.ContainsKey(identifier))
            {
                throw new ConfigurationException(file, "identifiers", $"{at}'{identifier}' is declared but no column maps to it");
            }
        }

        foreach (var (target, codes) in document.Values ?? [])
        {
            // Codes are matched ignoring case, so "Mum" and "MUM" are one code: two meanings for it are refused.
            if (codes.Keys.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                var field = $"values.{target}.{twice.Last()}";
                throw new ConfigurationException(file, field, $"{lines.At(field)}'{twice.Last()}' is also given as '{twice.First()}' (codes are matched ignoring case)");
            }
        }

        var values = (document.Values ?? []).ToImmutableDictionary(
            kv => kv.Key,
            kv => kv.Value.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            StringComparer.Ordinal);
        foreach (var target in values.Keys)
        {
            if (!columns.ContainsKey(target)) throw new ConfigurationException(file, $"values.{target}", $"{lines.At($"values.{target}")}maps values for a field that no column maps to");
        }

        return new FeedDefinition
        {
            Feed = feed,
            SourceSystem = Require.Text(document.SourceSystem, file, "source_system"),
            Service = service,
            Transport = ParseTransport(document.Transport, feed, file),
            Format = ParseFormat(document.Format, columns, lines, file),
            RecordIdColumn = Require.Text(document.RecordId, file, "record_id"),
            RequiredColumns = (document.RequiredColumns ?? []).Select(c => c.Trim()).ToImmutableArray(),
            Identifiers = identifiers,
            Columns = columns,
            Values = values,
            Coverage = new FeedCoverageDeclaration(
                document.Coverage?.Area,
                ParseDate(document.Coverage?.Start, file, "coverage.start"),
                ParseDate(document.Coverage?.End, file, "coverage.end")),
            Governance = ParseGovernance(document.Governance, file),
            Expectations = ParseExpectations(document.Expectations, file),
            LaunchUrl = document.LaunchUrl,
            DefinitionFile = file,
        };
    }

    private static FeedTransport ParseTransport(TransportDocument? transport, string feed, string file)
    {
        if (transport is null) throw new ConfigurationException(file, "transport", "is required");
        var local = new FeedTransport(transport.DropFolder ?? feed, transport.FilePattern ?? "*.csv");
        return (transport.Kind ?? "drop_folder") switch
        {
            "drop_folder" => local,
            "sftp" => local with { Sftp = SftpSourceParser.Parse(transport, file) },
            var kind => throw new ConfigurationException(file, "transport.kind", $"'{kind}' is not supported (drop_folder or sftp)"),
        };
    }

    private static FeedFormat ParseFormat(FormatDocument? format, ImmutableDictionary<string, ImmutableArray<string>> columns, DefinitionLines lines, string file)
    {
        format ??= new FormatDocument();
        var delimiter = format.Delimiter switch
        {
            null => ',',
            "\\t" or "tab" => '\t',
            { Length: 1 } d => d[0],
            var d => throw new ConfigurationException(file, "format.delimiter", $"'{d}' must be a single character or 'tab'"),
        };
        var quote = format.Quote switch
        {
            null => '"',
            { Length: 1 } q => q[0],
            var q => throw new ConfigurationException(file, "format.quote", $"'{q}' must be a single character"),
        };
        Encoding encoding;
        try
        {
            encoding = format.Encoding is null ? new UTF8Encoding(false) : Encoding.GetEncoding(format.Encoding);
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException(file, "format.encoding", $"'{format.Encoding}' is not a known encoding");
        }

        var dateFormats = (format.DateFormats ?? ["yyyy-MM-dd"]).ToImmutableArray();
        var perColumn = (format.ColumnDateFormats ?? []).ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);
        foreach (var (column, formats) in perColumn)
        {
            if (!columns.Values.Any(c => c.Contains(column, StringComparer.Ordinal)))
            {
                throw new ConfigurationException(file, $"format.column_date_formats.{column}", $"{lines.At($"format.column_date_formats.{column}")}names a column that no field maps");
            }

            if (formats.IsEmpty) throw new ConfigurationException(file, $"format.column_date_formats.{column}", "lists no formats");
        }

        return new FeedFormat(delimiter, encoding, format.Header ?? true, quote, dateFormats, perColumn)
        {
            DateOfBirthWindow = ParseDateOfBirthWindow(format.DateOfBirthWindow, lines, file),
        };
    }

    private static DateOfBirthWindow ParseDateOfBirthWindow(DateOfBirthWindowDocument? window, DefinitionLines lines, string file)
    {
        if (window?.MaxAgeYears is not { } years) return DateOfBirthWindow.Default;
        const string field = "format.date_of_birth_window.max_age_years";
        if (years is < 1 or > DateOfBirthWindow.LargestMaxAgeYears)
        {
            throw new ConfigurationException(file, field, $"{lines.At(field)}{years} is outside 1 to {DateOfBirthWindow.LargestMaxAgeYears} years");
        }

        return new DateOfBirthWindow(years);
    }

    private static FeedGovernance ParseGovernance(GovernanceDocument? governance, string file)
    {
        if (governance is null) throw new ConfigurationException(file, "governance", "is required: legal basis, sharing agreement, data owner, retention");
        var retention = governance.RetentionDays ?? throw new ConfigurationException(file, "governance.retention_days", "is required");
        if (retention < 1) throw new ConfigurationException(file, "governance.retention_days", "must be at least 1");
        return new FeedGovernance(
            Require.Text(governance.LegalBasis, file, "governance.legal_basis"),
            Require.Text(governance.SharingAgreement, file, "governance.sharing_agreement"),
            Require.Text(governance.DataOwner, file, "governance.data_owner"),
            retention);
    }

    private static FeedExpectations ParseExpectations(ExpectationsDocument? expectations, string file)
    {
        TimeOnly? expectedBy = null;
        if (expectations?.ExpectedBy is { } text)
        {
            if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                throw new ConfigurationException(file, "expectations.expected_by", $"'{text}' is not a time of day as HH:mm");
            }

            expectedBy = time;
        }

        var drop = Require.Between(expectations?.MaxRowDropPercent ?? 20, 0, 100, file, "expectations.max_row_drop_percent");
        return new FeedExpectations(expectedBy, drop);
    }

    private static DateOnly? ParseDate(string? text, string file, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ConfigurationException(file, field, $"'{text}' is not a date as yyyy-MM-dd");
    }
}
