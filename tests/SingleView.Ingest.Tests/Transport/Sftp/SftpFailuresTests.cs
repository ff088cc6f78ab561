using SingleView.Ingest.Definitions;
using SingleView.Ingest.Transport.Sftp;

namespace SingleView.Ingest.Tests.Transport.Sftp;

public class SftpFailuresTests
{
    private static readonly SftpSource Source = new()
    {
        Host = "127.0.0.1",
        Port = 2222,
        User = "anytown",
        PrivateKeyFile = "/keys/id",
        KnownHostsFile = "/keys/known_hosts",
        RemoteFolder = "/outbound",
    };

    [TestCase("ssh: connect to host 127.0.0.1 port 2222: Connection refused\nConnection closed", SftpFailureKind.Transient)]
    [TestCase("Connection reset by peer\nConnection closed", SftpFailureKind.Transient)]
    [TestCase("ssh: connect to host 127.0.0.1 port 2222: Connection timed out", SftpFailureKind.Transient)]
    [TestCase("Connection closed", SftpFailureKind.Transient)]
    [TestCase("No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\nHost key verification failed.\nConnection closed", SftpFailureKind.HostKeyUnknown)]
    [TestCase("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!\nHost key verification failed.\nConnection closed", SftpFailureKind.HostKeyChanged)]
    [TestCase("anytown@127.0.0.1: Permission denied (publickey).\nConnection closed", SftpFailureKind.KeyRefused)]
    [TestCase("Can't ls: \"/outbound\" not found", SftpFailureKind.Permanent)]
    public void Classify_StandardError_GivesTheKind(string standardError, SftpFailureKind kind)
    {
        SftpFailures.Classify(Source, 255, standardError).Kind.ShouldBe(kind);
    }

    [Test]
    public void Classify_UnknownHostKey_SaysWhichFileLacksIt()
    {
        SftpFailures.Classify(Source, 255, "Host key verification failed.").Message
            .ShouldBe("host key for 127.0.0.1:2222 is not in /keys/known_hosts");
    }
}
