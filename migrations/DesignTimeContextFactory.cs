using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

using MskPlanner.Persistence;

namespace MskPlanner.Migrations;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web app.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PlansDbContext>
{
    public PlansDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlansDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(PersistenceServiceCollectionExtensions.MigrationsAssembly))
            .Options);
}
