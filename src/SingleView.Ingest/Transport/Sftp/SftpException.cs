namespace SingleView.Ingest.Transport.Sftp;

/// <summary>Why an sftp session failed, which decides whether it is worth trying again.</summary>
public enum SftpFailureKind
{
    /// <summary>Connection refused, reset, closed or timed out, or an incomplete download: retried with backoff.</summary>
    Transient,
    /// <summary>The server's host key is not in the feed's known_hosts file. Never retried.</summary>
    HostKeyUnknown,
    /// <summary>The server's host key differs from the one in known_hosts (possible interception). Never retried.</summary>
    HostKeyChanged,
    /// <summary>The server refused the feed's private key, or ssh refused to use it. Never retried.</summary>
    KeyRefused,
    /// <summary>Anything else (a missing remote folder, a missing key file): retrying would not help.</summary>
    Permanent,
}

/// <summary>An sftp session that failed, with a message fit for the feed's coverage and the log.</summary>
public sealed class SftpException(SftpFailureKind kind, string message) : Exception(message)
{
    public SftpFailureKind Kind { get; } = kind;

    public bool IsTransient => Kind == SftpFailureKind.Transient;
}
