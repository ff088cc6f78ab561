namespace SingleView.Ingest.Definitions;

/// <summary>What to do with a file on the partner's server once it is safely in the raw zone.</summary>
public enum AfterLanding
{
    /// <summary>The default: the server belongs to the partner, who decides when files go.</summary>
    Leave,
    Remove,
    /// <summary>Moved to <see cref="SftpSource.ArchiveFolder"/> on the server.</summary>
    Archive,
}

/// <summary>
/// A partner's SFTP server, pulled with OpenSSH's <c>sftp</c> client: key authentication only, and the
/// server's host key must already be in <see cref="KnownHostsFile"/> (an unknown or changed key is refused).
/// </summary>
public sealed record SftpSource
{
    public const int DefaultPort = 22;
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultTransferTimeout = TimeSpan.FromMinutes(60);

    public required string Host { get; init; }
    public int Port { get; init; } = DefaultPort;
    public required string User { get; init; }
    /// <summary>Absolute path of the private key (a relative path in YAML is relative to the definition file).</summary>
    public required string PrivateKeyFile { get; init; }
    /// <summary>Absolute path of the known_hosts file holding the server's host key.</summary>
    public required string KnownHostsFile { get; init; }
    /// <summary>The folder on the server holding the partner's files.</summary>
    public required string RemoteFolder { get; init; }
    public AfterLanding AfterLanding { get; init; } = AfterLanding.Leave;
    /// <summary>The server folder files are moved to when <see cref="AfterLanding"/> is Archive.</summary>
    public string? ArchiveFolder { get; init; }
    /// <summary>How long to wait for the TCP connection and SSH handshake (default 30 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;
    /// <summary>The longest one sftp session (a listing or one file's download) may take before it is stopped (default 60 min).</summary>
    public TimeSpan TransferTimeout { get; init; } = DefaultTransferTimeout;
    /// <summary>sftp's -l limit in Kbit/s, for partners who cap bandwidth; null for none.</summary>
    public int? BandwidthLimitKbps { get; init; }
    public SftpRetry Retry { get; init; } = SftpRetry.Default;

    /// <summary>host:port as messages show it.</summary>
    public string Endpoint => $"{Host}:{Port}";
}

/// <summary>
/// Retries of transient failures (connection refused, reset, closed, timed out): exponential backoff
/// from <see cref="BaseDelay"/> with jitter, capped at <see cref="MaxDelay"/>. Defaults: 4 retries, 5 s, 2 min.
/// </summary>
public sealed record SftpRetry(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly SftpRetry Default = new(4, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));
}
