namespace SingleView.Publish;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
