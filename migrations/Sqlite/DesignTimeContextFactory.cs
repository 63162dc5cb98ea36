using Microsoft.EntityFrameworkCore.Design;

using MskPlanner.Persistence;

namespace MskPlanner.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web app.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PlansDbContext>
{
    public PlansDbContext CreateDbContext(string[] args) =>
        new(StoreProvider.For(new PersistenceOptions { Provider = DatabaseProvider.Sqlite, DatabasePath = "design-time.db" }).ContextOptions());
}
