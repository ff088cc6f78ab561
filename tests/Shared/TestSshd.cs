using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SingleView.Tests.Shared;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 for the SFTP tests, started by the test itself: its own free
/// port, host key, configuration and authorized_keys in a temporary folder, with the built-in SFTP
/// subsystem. scripts/start-sshd.sh (sourced by test.sh) installs the Debian packages; where they are
/// missing a test is skipped locally and fails when SINGLEVIEW_REQUIRE_SERVERS=1.
/// </summary>
internal sealed class TestSshd : IDisposable
{
    private const string Daemon = "/usr/sbin/sshd";
    private Process? process;

    private TestSshd(string folder, int port)
    {
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }
    public int Port { get; }
    public static string User => Environment.UserName;
    public string HostKeyFile => Path.Combine(Folder, "host_ed25519");
    /// <summary>The client key the server accepts.</summary>
    public string ClientKeyFile => Path.Combine(Folder, "client_ed25519");
    /// <summary>A known_hosts file holding this server's real host key.</summary>
    public string KnownHostsFile => Path.Combine(Folder, "known_hosts");
    /// <summary>A folder the tests put "partner" files in, reached over SFTP by its absolute path.</summary>
    public string RemoteFolder => Path.Combine(Folder, "remote");
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts a server, or skips/fails the test when OpenSSH is not installed.</summary>
    public static TestSshd Start()
    {
        RequireOpenSsh();
        var folder = Directory.CreateTempSubdirectory("singleview-sshd-").FullName;
        var server = new TestSshd(folder, FreePort());
        try
        {
            server.Prepare();
            server.Resume();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>A new key pair (for a key the server does not know, or a host key it does not have).</summary>
    public string NewKey(string name)
    {
        var path = Path.Combine(Folder, name);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-C", name, "-f", path);
        return path;
    }

    /// <summary>A known_hosts file naming this server's address with the given public key file's key.</summary>
    public string KnownHostsWith(string publicKeyFile, string name)
    {
        var path = Path.Combine(Folder, name);
        var parts = File.ReadAllText(publicKeyFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        File.WriteAllText(path, $"[127.0.0.1]:{Port} {parts[0]} {parts[1]}\n");
        return path;
    }

    /// <summary>Kills the daemon and every session it is serving (a transfer in progress is cut off).</summary>
    public void Stop()
    {
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        process = null;
    }

    /// <summary>Starts the daemon again on the same port with the same keys, and waits until it answers.</summary>
    public void Resume()
    {
        if (IsRunning) return;
        var start = new ProcessStartInfo(Daemon) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-D", "-e", "-f", Path.Combine(Folder, "sshd_config") }) start.ArgumentList.Add(argument);
        process = Process.Start(start) ?? throw new InvalidOperationException("sshd did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (process.HasExited) throw new InvalidOperationException($"sshd exited with code {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"sshd did not answer on 127.0.0.1:{Port}");
    }

    public void Dispose()
    {
        Stop();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    private void Prepare()
    {
        Directory.CreateDirectory(RemoteFolder);
        // sshd refuses to start without its privilege separation directory, which a fresh install lacks until boot.
        if (Environment.UserName == "root") Directory.CreateDirectory("/run/sshd");
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", HostKeyFile);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", ClientKeyFile);
        var authorizedKeys = Path.Combine(Folder, "authorized_keys");
        File.Copy(ClientKeyFile + ".pub", authorizedKeys);
        KnownHostsWith(HostKeyFile + ".pub", "known_hosts");
        File.WriteAllText(Path.Combine(Folder, "sshd_config"), $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {HostKeyFile}
            PidFile none
            AuthorizedKeysFile {authorizedKeys}
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            StrictModes no
            UsePAM no
            MaxStartups 100
            Subsystem sftp internal-sftp

            """);
    }

    private static void RequireOpenSsh()
    {
        var missing = new[] { Daemon, "/usr/bin/sftp", "/usr/bin/ssh-keygen" }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count == 0) return;
        var message = $"OpenSSH is not installed ({string.Join(", ", missing)} missing): run ./test.sh, which installs it via scripts/start-sshd.sh";
        if (Environment.GetEnvironmentVariable("SINGLEVIEW_REQUIRE_SERVERS") == "1") Assert.Fail(message);
        Assert.Ignore(message);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var run = Process.Start(start)!;
        var error = run.StandardError.ReadToEnd();
        run.WaitForExit();
        if (run.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {error}");
    }
}
