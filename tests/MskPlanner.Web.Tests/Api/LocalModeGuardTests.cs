using System.Net;

using MskPlanner.Web.Access;

namespace MskPlanner.Web.Tests.Api;

public sealed class LocalModeGuardTests
{
    [Theory]
    [InlineData("http://localhost:5020")]
    [InlineData("http://127.0.0.1:5020")]
    [InlineData("http://127.8.9.10:80")]
    [InlineData("https://[::1]:5021")]
    [InlineData("http://unix:/tmp/mskplanner.sock")]
    public void Addresses_only_this_machine_can_reach_count_as_loopback(string address) =>
        Assert.True(LocalModeGuard.IsLoopback(address));

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://10.0.0.4:5020")]
    [InlineData("http://planner.example.com:80")]
    public void Addresses_other_machines_can_reach_do_not(string address) =>
        Assert.False(LocalModeGuard.IsLoopback(address));

    [Fact]
    public void An_IPv4_loopback_seen_through_an_IPv6_socket_is_loopback() =>
        Assert.True(LocalModeGuard.IsLoopback(IPAddress.Parse("::ffff:127.0.0.1")));
}
