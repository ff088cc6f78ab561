using SingleView.Ingest.Definitions;

namespace SingleView.Ingest.Transport.Sftp;

/// <summary>
/// Reads what OpenSSH's sftp/ssh printed on standard error into a <see cref="SftpException"/>. Host key
/// and authentication failures are recognised first: they also end with "Connection closed", which on
/// its own means the connection dropped and is worth retrying.
/// </summary>
internal static class SftpFailures
{
    private static readonly string[] TransientSigns =
    [
        "Connection refused", "Connection reset", "Connection timed out", "Operation timed out", "timed out",
        "Connection closed", "Broken pipe", "kex_exchange_identification", "No route to host", "Network is unreachable",
        "Connection lost", "Couldn't read packet", "Connection to", "banner exchange",
    ];

    public static SftpException Classify(SftpSource source, int exitCode, string standardError)
    {
        var text = standardError.Trim();
        if (Has(text, "REMOTE HOST IDENTIFICATION HAS CHANGED") || Has(text, "has changed and you have requested strict checking"))
        {
            return new SftpException(
                SftpFailureKind.HostKeyChanged,
                $"host key for {source.Endpoint} has changed: it does not match {source.KnownHostsFile} (refused; the partner must confirm the new key before it is trusted)");
        }

        if (Has(text, "Host key verification failed") || Has(text, "host key is known for"))
        {
            return new SftpException(SftpFailureKind.HostKeyUnknown, $"host key for {source.Endpoint} is not in {source.KnownHostsFile}");
        }

        if (Has(text, "UNPROTECTED PRIVATE KEY FILE") || Has(text, "bad permissions"))
        {
            return new SftpException(SftpFailureKind.KeyRefused, $"ssh will not use the private key {source.PrivateKeyFile}: others can read it (it must be mode 600)");
        }

        if (Has(text, "Permission denied") || Has(text, "Too many authentication failures") || Has(text, "invalid format") || Has(text, "Load key"))
        {
            return new SftpException(SftpFailureKind.KeyRefused, $"{source.Endpoint} refused the key {source.PrivateKeyFile} for user {source.User}");
        }

        var detail = LastLines(text);
        if (TransientSigns.Any(sign => Has(text, sign)))
        {
            return new SftpException(SftpFailureKind.Transient, $"sftp to {source.Endpoint} failed: {detail}");
        }

        return new SftpException(SftpFailureKind.Permanent, $"sftp to {source.Endpoint} failed (exit code {exitCode}): {detail}");
    }

    private static bool Has(string text, string sign) => text.Contains(sign, StringComparison.OrdinalIgnoreCase);

    private static string LastLines(string text)
    {
        if (text.Length == 0) return "no message";
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("; ", lines.TakeLast(3));
    }
}
