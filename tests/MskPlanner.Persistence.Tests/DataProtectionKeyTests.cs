using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MskPlanner.Persistence.Tests;

public sealed class DataProtectionKeysOnSqliteTests() : DataProtectionKeyTests(DatabaseProvider.Sqlite);

public sealed class DataProtectionKeysOnPostgreSqlTests() : DataProtectionKeyTests(DatabaseProvider.PostgreSql);

/// <summary>Two hosts set up as the app sets itself up, over one database, stand for two instances.</summary>
public abstract class DataProtectionKeyTests(DatabaseProvider provider) : StoreTest(provider)
{
    [Fact]
    public void What_one_instance_protects_another_instance_on_the_same_database_can_read()
    {
        using var first = Instance();
        using var second = Instance();

        var sealedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("signed in as ana");

        Assert.Equal("signed in as ana", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(sealedText));
    }

    private IHost Instance()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = Database.Options.Provider.ToString(),
            ["Persistence:DatabasePath"] = Database.Path,
            ["ConnectionStrings:Plans"] = Database.Options.PostgreSqlConnectionString,
        });
        builder.AddPersistence();
        return builder.Build();
    }
}
