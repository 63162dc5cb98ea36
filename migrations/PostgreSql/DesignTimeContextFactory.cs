using Microsoft.EntityFrameworkCore.Design;

using MskPlanner.Persistence;

namespace MskPlanner.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a server: adding a migration never connects.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PlansDbContext>
{
    public PlansDbContext CreateDbContext(string[] args) =>
        new(StoreProvider.For(new PersistenceOptions { Provider = DatabaseProvider.PostgreSql, PostgreSqlConnectionString = "Host=localhost;Database=mskplanner" }).ContextOptions());
}
