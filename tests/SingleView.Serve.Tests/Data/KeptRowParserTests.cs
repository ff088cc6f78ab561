using Dapper;
using Microsoft.Data.Sqlite;
using SingleView.Serve.Data;

namespace SingleView.Serve.Tests.Data;

public sealed class KeptRowParserTests
{
    [Test]
    public void For_SameColumnTypes_GivesTheParserItKept()
    {
        using var connection = Open("INSERT INTO t VALUES (1, 5, 'a')");
        var kept = new KeptRowParser<Row>();

        var first = ParserOf(connection, kept);
        var second = ParserOf(connection, kept);

        second.ShouldBeSameAs(first);
    }

    [Test]
    public void For_ColumnTypesChange_AsksDapperForAnotherParser()
    {
        using var connection = Open("INSERT INTO t VALUES (1, 5, 'a')");
        var kept = new KeptRowParser<Row>();
        var first = ParserOf(connection, kept, "SELECT 1 AS Id, 5 AS Number, 'a' AS Text");

        var second = ParserOf(connection, kept, "SELECT 1 AS Id, 5.5 AS Number, 'a' AS Text");

        second.ShouldNotBeSameAs(first);
    }

    [Test]
    public void For_ValuesChangeBetweenRuns_SameRowsAsDapperRowParser()
    {
        // An untyped column: NULL in the first run, an integer in the second.
        using var connection = Open("INSERT INTO t VALUES (1, NULL, 'a')");
        var kept = new KeptRowParser<Row>();
        Describe(Rows(connection, kept)).ShouldBe(Describe(DapperRows(connection)));
        connection.Execute("DELETE FROM t; INSERT INTO t VALUES (2, 7, 'b'), (3, NULL, NULL)");

        var rows = Rows(connection, kept);

        Describe(rows).ShouldBe(Describe(DapperRows(connection)));
        rows[0].Number.ShouldBe(7);
    }

    private static List<string> Describe(List<Row> rows) => rows.Select(r => $"{r.Id}|{r.Number}|{r.Text}").ToList();

    /// <summary>What the reader did before parsers were kept: Dapper's row parser asked for every result.</summary>
    private static List<Row> DapperRows(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Select;
        using var reader = command.ExecuteReader();
        var parse = reader.GetRowParser<Row>();
        var rows = new List<Row>();
        while (reader.Read()) rows.Add(parse(reader));
        return rows;
    }

    private const string Select = "SELECT id AS Id, number AS Number, text AS Text FROM t ORDER BY id";

    private static SqliteConnection Open(string insert)
    {
        var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        connection.Open();
        connection.Execute("CREATE TABLE t (id INTEGER, number, text TEXT)");
        connection.Execute(insert);
        return connection;
    }

    private static Func<System.Data.Common.DbDataReader, Row> ParserOf(SqliteConnection connection, KeptRowParser<Row> kept, string select = Select)
    {
        using var command = connection.CreateCommand();
        command.CommandText = select;
        using var reader = command.ExecuteReader();
        return kept.For(reader);
    }

    private static List<Row> Rows(SqliteConnection connection, KeptRowParser<Row> kept)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Select;
        using var reader = command.ExecuteReader();
        var parse = kept.For(reader);
        var rows = new List<Row>();
        while (reader.Read()) rows.Add(parse(reader));
        return rows;
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public long? Number { get; set; }

        public string? Text { get; set; }
    }
}
