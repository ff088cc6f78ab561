using System.Diagnostics;
using System.Globalization;

namespace SingleView.Schedule.Storage;

/// <summary>
/// The refresh lock of a SQLite serving database: the lock file opened with <see cref="FileShare.None"/> for
/// as long as the run holds it (on Linux and macOS an exclusive <c>flock</c>, on Windows a sharing lock), so
/// the operating system frees it when the process ends, however it ends. Who holds it is written to a file
/// beside it, read only for messages: the lock file itself cannot be opened by anyone else while held.
/// </summary>
internal static class FileRefreshLock
{
    private const string HolderSuffix = ".holder";

    // What .NET reports for a file another holder has locked: on Windows ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION
    // as HResults; on Unix the errno of the refused flock, EWOULDBLOCK (11 on Linux, 35 on macOS and the BSDs).
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);
    private static readonly int WouldBlock = OperatingSystem.IsLinux() ? 11 : 35;

    public static RefreshLease? TryAcquire(string lockPath, string holder, DateTimeOffset now)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException exception) when (IsHeldElsewhere(exception))
        {
            return null;
        }

        try
        {
            WriteHolder(lockPath, holder, now);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return new RefreshLease(holder, now, () =>
        {
            try
            {
                // Before the lock goes: once it is free the next holder writes its own.
                File.Delete(lockPath + HolderSuffix);
            }
            finally
            {
                // The lock file stays: deleting it would let a process that opened the old file and one that makes a
                // new one both think they hold the lock.
                stream.Dispose();
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>The holder the file names, if the process it names is still alive on this machine.</summary>
    public static RefreshLockHolder? CurrentHolder(string lockPath)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(lockPath + HolderSuffix);
        }
        catch (IOException)
        {
            return null;
        }

        if (lines.Length < 3 || !int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)) return null;
        if (!IsAlive(processId)) return null;
        var acquiredAt = DateTimeOffset.TryParse(lines[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        return new RefreshLockHolder(string.Join(' ', lines.Skip(2)), acquiredAt);
    }

    private static bool IsHeldElsewhere(IOException exception) => OperatingSystem.IsWindows()
        ? exception.HResult is SharingViolation or LockViolation
        : exception.GetType() == typeof(IOException) && exception.HResult == WouldBlock;

    private static void WriteHolder(string lockPath, string holder, DateTimeOffset now)
    {
        var path = lockPath + HolderSuffix;
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllLines(temporary, [Environment.ProcessId.ToString(CultureInfo.InvariantCulture), now.ToString("O", CultureInfo.InvariantCulture), holder]);
        File.Move(temporary, path, overwrite: true);
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
