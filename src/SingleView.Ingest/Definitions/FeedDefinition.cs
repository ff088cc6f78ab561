using System.Collections.Immutable;
using System.Text;
using SingleView.Core.Model;

namespace SingleView.Ingest.Definitions;

/// <summary>
/// Where a feed's files come from. Every feed has a local drop folder that its files are landed from;
/// an SFTP feed (<see cref="Sftp"/> set) first pulls the partner's files into that folder.
/// </summary>
public sealed record FeedTransport(string DropFolder, string FilePattern)
{
    /// <summary>The partner's SFTP server, or null for a feed the partner drops into the folder itself.</summary>
    public SftpSource? Sftp { get; init; }
}

/// <summary>How a feed's CSV is written.</summary>
public sealed record FeedFormat(
    char Delimiter,
    Encoding Encoding,
    bool Header,
    char Quote,
    ImmutableArray<string> DateFormats,
    ImmutableDictionary<string, ImmutableArray<string>> ColumnDateFormats)
{
    /// <summary>The declared formats for a source column: its own, else the feed's default.</summary>
    public IReadOnlyList<string> DateFormatsFor(string column) =>
        ColumnDateFormats.TryGetValue(column, out var formats) ? formats : DateFormats;

    /// <summary>Which dates of birth are plausible for this feed's people (default: up to 120 years old).</summary>
    public DateOfBirthWindow DateOfBirthWindow { get; init; } = DateOfBirthWindow.Default;
}

/// <summary>
/// The dates of birth a feed's records may plausibly have: not after the extract, and not more than
/// <see cref="MaxAgeYears"/> before it. A date outside is blanked with a warning, not trusted: a record
/// of living people 130 years old is a mistyped year. Historical records (parish registers, archives)
/// set a wider window.
/// </summary>
public sealed record DateOfBirthWindow(int MaxAgeYears)
{
    public const int DefaultMaxAgeYears = Core.Standardisation.DateOfBirthParser.OldestPlausibleAge;

    /// <summary>The widest window a feed may set: beyond it a date of birth says nothing about who a person is.</summary>
    public const int LargestMaxAgeYears = 1000;

    public static readonly DateOfBirthWindow Default = new(DefaultMaxAgeYears);
}

public sealed record FeedCoverageDeclaration(string? Area, DateOnly? Start, DateOnly? End);

/// <summary>Why the authority may hold this feed's data and for how long.</summary>
public sealed record FeedGovernance(string LegalBasis, string SharingAgreement, string DataOwner, int RetentionDays);

public sealed record FeedExpectations(TimeOnly? ExpectedBy, double MaxRowDropPercent);

/// <summary>
/// One partner feed, validated: where its files are, how they are written, how their columns map to
/// the common data model, and the governance that lets the authority hold them.
/// </summary>
public sealed record FeedDefinition
{
    public required string Feed { get; init; }
    public required string SourceSystem { get; init; }
    public required Service Service { get; init; }
    public required FeedTransport Transport { get; init; }
    public required FeedFormat Format { get; init; }
    /// <summary>The source column holding the feed's own record id.</summary>
    public required string RecordIdColumn { get; init; }
    public required ImmutableArray<string> RequiredColumns { get; init; }
    /// <summary>The identifier fields this feed declares it carries (nhs_number, upn, case_person_id, identifier.&lt;name&gt;).</summary>
    public required ImmutableArray<string> Identifiers { get; init; }
    /// <summary>
    /// Target field of the common model → the source columns it is read from: one, or several whose
    /// cells are joined with one space, blanks skipped (<c>address: [street_number, address_1, address_2]</c>).
    /// </summary>
    public required ImmutableDictionary<string, ImmutableArray<string>> Columns { get; init; }
    /// <summary>The feed's own identifiers (<c>identifier.police_person_id</c>): each target, in name order.</summary>
    public ImmutableArray<string> NamedIdentifiers => [.. Columns.Keys.Where(TargetFields.IsNamedIdentifier).Order(StringComparer.Ordinal)];
    /// <summary>Every source column the mapping reads, each once.</summary>
    public ImmutableArray<string> SourceColumns => [.. Columns.Values.SelectMany(columns => columns).Distinct(StringComparer.Ordinal)];
    /// <summary>Target field → source code → common-model value (e.g. household_role: Mum → parent_or_carer).</summary>
    public required ImmutableDictionary<string, ImmutableDictionary<string, string>> Values { get; init; }
    public required FeedCoverageDeclaration Coverage { get; init; }
    public required FeedGovernance Governance { get; init; }
    public required FeedExpectations Expectations { get; init; }
    /// <summary>Template for a link into the source system; {record_id} is replaced.</summary>
    public string? LaunchUrl { get; init; }
    /// <summary>The file the definition was read from, for messages.</summary>
    public required string DefinitionFile { get; init; }

    /// <summary>The column of a target read from one column; null for a target not mapped or joined from several.</summary>
    public string? ColumnFor(string target) => Columns.TryGetValue(target, out var columns) && columns.Length == 1 ? columns[0] : null;

    /// <summary>The columns a target is read from, empty when it is not mapped.</summary>
    public ImmutableArray<string> ColumnsFor(string target) => Columns.TryGetValue(target, out var columns) ? columns : [];
}
