using System.Diagnostics;
using System.Globalization;
using System.Text;
using SingleView.Ingest.Definitions;

namespace SingleView.Ingest.Transport.Sftp;

/// <summary>
/// One run of OpenSSH's <c>sftp</c> in batch mode: commands on standard input, arguments as a list
/// (never a shell string), key authentication only, and strict host-key checking against the feed's
/// own known_hosts file (the user's ~/.ssh config and the system's known hosts are ignored, so what the
/// feed definition says is all that is trusted).
/// </summary>
internal sealed class SftpSession(SftpSource source, string executable, TimeProvider timeProvider)
{
    /// <summary>Runs the batch; a failure throws an <see cref="SftpException"/> classified for retrying.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> commands, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in Arguments()) start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new SftpException(SftpFailureKind.Permanent, $"the sftp client '{executable}' could not be started ({exception.Message}); install openssh-client");
        }

        // The transfer timeout runs on the injected clock, so tests can control it like every other delay.
        using var timeout = new CancellationTokenSource(source.TransferTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var output = process.StandardOutput.ReadToEndAsync(linked.Token);
        var error = process.StandardError.ReadToEndAsync(linked.Token);
        try
        {
            foreach (var command in commands) await process.StandardInput.WriteLineAsync(command.AsMemory(), linked.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(linked.Token);
            var standardOutput = await output;
            var standardError = await error;
            if (process.ExitCode != 0) throw SftpFailures.Classify(source, process.ExitCode, standardError);
            return standardOutput;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Stop(process);
            throw new SftpException(SftpFailureKind.Transient, $"sftp to {source.Endpoint} timed out after {source.TransferTimeout.TotalSeconds:0} s");
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw;
        }
        catch (IOException exception)
        {
            // sftp exited before reading all its commands (it could not connect): its own message says why.
            await process.WaitForExitAsync(CancellationToken.None);
            var standardError = await error;
            throw standardError.Length > 0
                ? SftpFailures.Classify(source, process.ExitCode, standardError)
                : new SftpException(SftpFailureKind.Transient, $"sftp to {source.Endpoint} failed: {exception.Message}");
        }
    }

    private IEnumerable<string> Arguments()
    {
        yield return "-b";
        yield return "-";
        yield return "-F";
        yield return "/dev/null";
        yield return "-i";
        yield return source.PrivateKeyFile;
        yield return "-P";
        yield return source.Port.ToString(CultureInfo.InvariantCulture);
        if (source.BandwidthLimitKbps is { } limit)
        {
            yield return "-l";
            yield return limit.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var option in Options()) 
        {
            yield return "-o";
            yield return option;
        }

        // Brackets keep an IPv6 address from being read as host:path.
        yield return source.Host.Contains(':', StringComparison.Ordinal) ? $"{source.User}@[{source.Host}]" : $"{source.User}@{source.Host}";
    }

    private IEnumerable<string> Options()
    {
        var connectSeconds = Math.Max(1, (int)Math.Ceiling(source.ConnectTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        yield return "BatchMode=yes";
        yield return "StrictHostKeyChecking=yes";
        yield return "UserKnownHostsFile=" + source.KnownHostsFile;
        yield return "GlobalKnownHostsFile=/dev/null";
        yield return "UpdateHostKeys=no";
        yield return "IdentitiesOnly=yes";
        yield return "PasswordAuthentication=no";
        yield return "KbdInteractiveAuthentication=no";
        yield return "ConnectTimeout=" + connectSeconds;
        // A server that stops answering mid-transfer is noticed within about three intervals.
        yield return "ServerAliveInterval=" + connectSeconds;
        yield return "ServerAliveCountMax=3";
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }

    /// <summary>A path as one argument of a batch command: quoted, with backslashes and quotes escaped.</summary>
    public static string Quote(string path) =>
        "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
