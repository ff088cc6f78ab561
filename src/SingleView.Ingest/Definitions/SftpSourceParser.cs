using SingleView.Core.Configuration;

namespace SingleView.Ingest.Definitions;

/// <summary>Validates the SFTP settings of a feed's <c>transport</c> block; every problem names the file and field.</summary>
internal static class SftpSourceParser
{
    public static SftpSource Parse(TransportDocument transport, string file)
    {
        var afterLanding = transport.AfterLanding is null
            ? AfterLanding.Leave
            : Require.Enum<AfterLanding>(transport.AfterLanding, file, "transport.after_landing");
        var archiveFolder = string.IsNullOrWhiteSpace(transport.ArchiveFolder) ? null : transport.ArchiveFolder.Trim();
        if (afterLanding == AfterLanding.Archive && archiveFolder is null)
        {
            throw new ConfigurationException(file, "transport.archive_folder", "is required when after_landing is archive");
        }

        var port = transport.Port ?? SftpSource.DefaultPort;
        if (port is < 1 or > 65535) throw new ConfigurationException(file, "transport.port", $"{port} is not a TCP port (1 to 65535)");
        if (transport.BandwidthLimitKbps is < 1)
        {
            throw new ConfigurationException(file, "transport.bandwidth_limit_kbps", "must be at least 1 (leave it out for no limit)");
        }

        var connectTimeout = Seconds(transport.ConnectTimeoutSeconds, SftpSource.DefaultConnectTimeout, file, "transport.connect_timeout_seconds");
        var transferTimeout = Seconds(transport.TransferTimeoutSeconds, SftpSource.DefaultTransferTimeout, file, "transport.transfer_timeout_seconds");
        if (transferTimeout <= connectTimeout)
        {
            throw new ConfigurationException(file, "transport.transfer_timeout_seconds", "must be longer than connect_timeout_seconds");
        }

        return new SftpSource
        {
            Host = Host(transport.Host, file),
            Port = port,
            User = Text(transport.User, file, "transport.user"),
            PrivateKeyFile = LocalPath(transport.PrivateKeyFile, file, "transport.private_key_file"),
            KnownHostsFile = LocalPath(transport.KnownHostsFile, file, "transport.known_hosts_file"),
            RemoteFolder = Text(transport.RemoteFolder, file, "transport.remote_folder"),
            AfterLanding = afterLanding,
            ArchiveFolder = archiveFolder is null ? null : Text(archiveFolder, file, "transport.archive_folder"),
            ConnectTimeout = connectTimeout,
            TransferTimeout = transferTimeout,
            BandwidthLimitKbps = transport.BandwidthLimitKbps,
            Retry = Retry(transport.Retry, file),
        };
    }

    private static SftpRetry Retry(RetryDocument? retry, string file)
    {
        var defaults = SftpRetry.Default;
        var maxRetries = retry?.MaxRetries ?? defaults.MaxRetries;
        if (maxRetries is < 0 or > 20) throw new ConfigurationException(file, "transport.retry.max_retries", $"{maxRetries} is outside 0 to 20");
        var baseDelay = retry?.BaseDelaySeconds is { } b
            ? TimeSpan.FromSeconds(Require.Between(b, 0.01, 3600, file, "transport.retry.base_delay_seconds"))
            : defaults.BaseDelay;
        var maxDelay = retry?.MaxDelaySeconds is { } m
            ? TimeSpan.FromSeconds(Require.Between(m, 0.01, 3600, file, "transport.retry.max_delay_seconds"))
            : defaults.MaxDelay;
        if (maxDelay < baseDelay) throw new ConfigurationException(file, "transport.retry.max_delay_seconds", "must not be shorter than base_delay_seconds");
        return new SftpRetry(maxRetries, baseDelay, maxDelay);
    }

    private static TimeSpan Seconds(int? value, TimeSpan fallback, string file, string field)
    {
        if (value is null) return fallback;
        return value is < 1 or > 86400
            ? throw new ConfigurationException(file, field, $"{value} is outside 1 to 86400 seconds")
            : TimeSpan.FromSeconds(value.Value);
    }

    private static string Host(string? host, string file)
    {
        var value = Require.Text(host, file, "transport.host");
        // The host goes to sftp as an argument: anything that could read as an option or a second
        // destination is refused rather than quoted.
        if (value.StartsWith('-') || value.Any(c => char.IsWhiteSpace(c) || c is '@' or '/' or '\\'))
        {
            throw new ConfigurationException(file, "transport.host", $"'{value}' is not a host name or address");
        }

        return value;
    }

    private static string Text(string? value, string file, string field)
    {
        var text = Require.Text(value, file, field);
        // Batch commands are one per line and names are quoted: a line break or quote cannot be passed safely.
        if (text.Any(c => char.IsControl(c) || c == '"'))
        {
            throw new ConfigurationException(file, field, "must not contain quotes or control characters");
        }

        if (field == "transport.user" && (text.StartsWith('-') || text.Contains('@', StringComparison.Ordinal)))
        {
            throw new ConfigurationException(file, field, $"'{text}' is not a user name");
        }

        return text;
    }

    // Key and known_hosts files are local; a relative path is taken from the definition file's folder
    // so that a pipelines folder can be moved with its keys.
    private static string LocalPath(string? value, string file, string field)
    {
        var path = Text(value, file, field);
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(folder, path));
    }
}
