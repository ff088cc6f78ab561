namespace SingleView.Publish.Tests;

/// <summary>The numbered scripts in sql/ as the assembly carries them.</summary>
public class MigrationScriptTests
{
    [Test]
    public void EmbeddedScripts_EachVersionNumber_IsUsedOnce()
    {
        // Two branches can each add "the next" script: the second of a number is never applied, as its version is recorded.
        var repeated = MigrationRunner.EmbeddedScripts().GroupBy(s => s.Version).Where(g => g.Count() > 1).Select(g => string.Join(" and ", g.Select(s => s.Name)));

        repeated.ShouldBeEmpty();
    }
}
