namespace SingleView.Standardise;

/// <summary>How <see cref="FeedProcessor"/> runs; the defaults are those of the nightly refresh.</summary>
public sealed record FeedProcessorOptions
{
    public static readonly FeedProcessorOptions Default = new();

    /// <summary>
    /// Keep the standardised records in memory and return them (default true: matching needs them).
    /// The <c>ingest</c> verb and the benchmark turn it off, so memory stays flat whatever the file size.
    /// </summary>
    public bool RetainRecords { get; init; } = true;

    /// <summary>The OpenSSH sftp client for SFTP feeds (default "sftp", found on the PATH).</summary>
    public string SftpExecutable { get; init; } = "sftp";

    /// <summary>The time zone of expected_by cut-offs and of "today" for retention (default Europe/London).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>
    /// Record id hashes the duplicate screen holds in memory before it spills a sorted run to disk
    /// (default 1,048,576: 8 MiB; see <see cref="RecordIdScreen"/>). At least 2.
    /// </summary>
    public int DuplicateScreenRunLength { get; init; } = RecordIdScreen.DefaultRunLength;

    public void Validate()
    {
        if (DuplicateScreenRunLength < 2) throw new ArgumentOutOfRangeException(nameof(DuplicateScreenRunLength), DuplicateScreenRunLength, "must be at least 2");
        if (string.IsNullOrWhiteSpace(SftpExecutable)) throw new ArgumentException("SftpExecutable is required", nameof(SftpExecutable));
        ArgumentNullException.ThrowIfNull(TimeZone);
    }
}
