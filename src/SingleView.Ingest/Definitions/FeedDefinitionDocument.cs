namespace SingleView.Ingest.Definitions;

// The YAML shape of a feed definition (pipelines/<feed>.yaml). Mutable only so YamlDotNet can fill
// it; FeedDefinitionLoader validates it into the immutable FeedDefinition that the stages use.
#pragma warning disable CA2227 // collection setters are how the YAML deserialiser fills them
internal sealed class FeedDefinitionDocument
{
    public string? Feed { get; set; }
    public string? SourceSystem { get; set; }
    public string? Service { get; set; }
    public TransportDocument? Transport { get; set; }
    public FormatDocument? Format { get; set; }
    public string? RecordId { get; set; }
    public List<string>? RequiredColumns { get; set; }
    public List<string>? Identifiers { get; set; }
    /// <summary>Target field → one source column (text) or several (a list of text), checked by the loader.</summary>
    public Dictionary<string, object?>? Columns { get; set; }
    public Dictionary<string, Dictionary<string, string>>? Values { get; set; }
    public CoverageDocument? Coverage { get; set; }
    public GovernanceDocument? Governance { get; set; }
    public ExpectationsDocument? Expectations { get; set; }
    public string? LaunchUrl { get; set; }
}

internal sealed class TransportDocument
{
    public string? Kind { get; set; }
    public string? DropFolder { get; set; }
    public string? FilePattern { get; set; }
    public string? Host { get; set; }
    public int? Port { get; set; }
    public string? User { get; set; }
    public string? PrivateKeyFile { get; set; }
    public string? KnownHostsFile { get; set; }
    public string? RemoteFolder { get; set; }
    public string? AfterLanding { get; set; }
    public string? ArchiveFolder { get; set; }
    public int? ConnectTimeoutSeconds { get; set; }
    public int? TransferTimeoutSeconds { get; set; }
    public int? BandwidthLimitKbps { get; set; }
    public RetryDocument? Retry { get; set; }
}

internal sealed class RetryDocument
{
    public int? MaxRetries { get; set; }
    public double? BaseDelaySeconds { get; set; }
    public double? MaxDelaySeconds { get; set; }
}

internal sealed class FormatDocument
{
    public string? Delimiter { get; set; }
    public string? Encoding { get; set; }
    public bool? Header { get; set; }
    public string? Quote { get; set; }
    public List<string>? DateFormats { get; set; }
    public Dictionary<string, List<string>>? ColumnDateFormats { get; set; }
    public DateOfBirthWindowDocument? DateOfBirthWindow { get; set; }
}

internal sealed class DateOfBirthWindowDocument
{
    public int? MaxAgeYears { get; set; }
}

internal sealed class CoverageDocument
{
    public string? Area { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
}

internal sealed class GovernanceDocument
{
    public string? LegalBasis { get; set; }
    public string? SharingAgreement { get; set; }
    public string? DataOwner { get; set; }
    public int? RetentionDays { get; set; }
}

internal sealed class ExpectationsDocument
{
    public string? ExpectedBy { get; set; }
    public double? MaxRowDropPercent { get; set; }
}
#pragma warning restore CA2227
