using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Configuration;
using Fulfillment.Grains.Sourcing;
using Microsoft.Extensions.Options;
using static Fulfillment.Grains.Tests.Sourcing.SourcingCases;

namespace Fulfillment.Grains.Tests.Sourcing;

public sealed class SourcingPlannerTests
{
    // Default transit days: us-east E1 C2 W4, us-central E2 C1 W2, us-west E4 C2 W1; handling 1; default 5.
    public static TheoryData<string, string, string, string?, string> Rules => new()
    {
        { "one warehouse for the whole cart beats nearer ones together", "WH-EAST:A=5,B=5; WH-WEST:A=5; WH-CENTRAL:B=5", "Ax2, Bx2", "us-west", "WH-EAST:2 | WH-EAST:2" },
        { "of the warehouses that can ship it all, the nearest (west)", "WH-EAST:A=5; WH-WEST:A=5", "Ax2", "us-west", "WH-WEST:2" },
        { "of the warehouses that can ship it all, the nearest (east)", "WH-EAST:A=5; WH-WEST:A=5", "Ax2", "us-east", "WH-EAST:2" },
        { "equal transit is decided by warehouse id", "WH-WEST:A=5; WH-EAST:A=5", "Ax2", "us-central", "WH-EAST:2" },
        { "a single far warehouse beats two near ones", "WH-EAST:A=5; WH-CENTRAL:B=5; WH-WEST:A=5,B=5", "Ax1, Bx1", "us-east", "WH-WEST:1 | WH-WEST:1" },
        { "fewest warehouses, then the shortest longest transit", "WH-EAST:A=5; WH-CENTRAL:B=5; WH-WEST:A=5,B=1", "Ax1, Bx2", "us-east", "WH-EAST:1 | WH-CENTRAL:2" },
        { "equal longest transit is decided by total transit", "WH-CENTRAL:A=5; WH-EAST:A=5; WH-WEST:B=5", "Ax1, Bx1", "us-central", "WH-CENTRAL:1 | WH-WEST:1" },
        { "equal transit sets are decided by their ids", "WH-EAST:A=5; WH-WEST:A=5; WH-CENTRAL:B=5", "Ax1, Bx1", "us-central", "WH-EAST:1 | WH-CENTRAL:1" },
        { "a line one warehouse can ship whole is never split", "WH-EAST:A=6; WH-CENTRAL:A=4,B=5; WH-WEST:A=10", "Ax10, Bx1", "us-east", "WH-WEST:10 | WH-CENTRAL:1" },
        { "a line no warehouse can ship whole splits, largest first", "WH-EAST:A=6; WH-CENTRAL:A=5; WH-WEST:A=3", "Ax10", "us-east", "WH-EAST:6+WH-CENTRAL:4" },
        { "a split takes as few warehouses as it can", "WH-EAST:A=2; WH-CENTRAL:A=3; WH-WEST:A=9", "Ax10", "us-east", "WH-WEST:9+WH-EAST:1" },
        { "a line the network cannot cover is not promised; the rest is planned", "WH-EAST:A=5,B=1; WH-WEST:B=1", "Ax2, Bx3", "us-east", "WH-EAST:2 | none" },
        { "an unknown SKU is not promised", "WH-EAST:A=5", "Ax1, Zx1", "us-east", "WH-EAST:1 | none" },
        { "lines of one SKU share its stock", "WH-EAST:A=4; WH-WEST:A=4", "Ax3, Ax3", "us-east", "WH-EAST:3 | WH-EAST:1+WH-WEST:2" },
        { "a later line of a SKU beyond the network is not promised", "WH-EAST:A=4", "Ax3, Ax3", "us-east", "WH-EAST:3 | none" },
        { "safety stock is not available to promise", "WH-EAST:A=5/4; WH-WEST:A=5", "Ax2", "us-east", "WH-WEST:2" },
        { "no region: every warehouse is the default distance away, ids decide", "WH-WEST:A=5; WH-EAST:A=5", "Ax2", null, "WH-EAST:2" },
        { "an unknown region counts the default distance", "WH-WEST:A=5; WH-CENTRAL:A=5", "Ax2", "eu-north", "WH-CENTRAL:2" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Plan_SourcingRule_ShipsFromTheExpectedWarehouses(string rule, string stock, string lines, string? region, string expected)
    {
        var plan = new SourcingPlanner().Plan(Lines(lines), Stock(stock), region, Now);

        Assert.True(expected == Describe(plan), $"{rule}: expected {expected}, planned {Describe(plan)}");
        Assert.Equal(!expected.Contains("none", StringComparison.Ordinal), plan.CanPromiseAll);
    }

    [Fact]
    public void Plan_LineNotPromised_HasNoShipFromNoDateAndTheNetworkAvailability()
    {
        var plan = new SourcingPlanner().Plan(Lines("Ax2, Bx3"), Stock("WH-EAST:A=5,B=1; WH-WEST:B=1/0"), "us-east", Now);

        var shortLine = plan.Lines[1];
        Assert.Equal(("B", 3, 2, false, (DateOnly?)null), (shortLine.Sku, shortLine.Quantity, shortLine.Available, shortLine.CanPromise, shortLine.PromisedDeliveryDate));
        Assert.Empty(shortLine.ShipFrom);
        Assert.Null(plan.PromisedDeliveryDate);
        Assert.Equal(5, plan.Lines[0].Available);
        Assert.True(plan.Lines[0].CanPromise);
    }

    [Fact]
    public void Plan_PromisedDate_IsUtcDatePlusHandlingPlusLongestTransit()
    {
        // 22:00 at UTC-5 is already the 23rd in UTC.
        var now = new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.FromHours(-5));

        var plan = new SourcingPlanner().Plan(Lines("Ax1, Bx1"), Stock("WH-EAST:A=5; WH-WEST:B=5"), "us-east", now);

        Assert.Equal(new DateOnly(2026, 11, 25), plan.Lines[0].PromisedDeliveryDate);
        Assert.Equal(new DateOnly(2026, 11, 28), plan.Lines[1].PromisedDeliveryDate);
        Assert.Equal(new DateOnly(2026, 11, 28), plan.PromisedDeliveryDate);
    }

    [Fact]
    public void Plan_ConfiguredHandlingAndTransit_ReplaceTheDefaults()
    {
        var options = new SourcingOptions { HandlingDays = 2, DefaultTransitDays = 7 };
        options.TransitDays["us-east"]["WH-WEST"] = 0;
        options.TransitDays["eu-north"] = new Dictionary<string, int> { ["WH-CENTRAL"] = 3 };
        var planner = new SourcingPlanner(Options.Create(options));

        var east = planner.Plan(Lines("Ax1"), Stock("WH-EAST:A=5; WH-WEST:A=5"), "US-EAST", Now);
        var europe = planner.Plan(Lines("Ax1"), Stock("WH-EAST:A=5; WH-CENTRAL:A=5"), "eu-north", Now);
        var unknown = planner.Plan(Lines("Ax1"), Stock("WH-EAST:A=5"), "ap-south", Now);

        Assert.Equal(("WH-WEST:1", new DateOnly(2026, 11, 24)), (Describe(east), east.PromisedDeliveryDate));
        Assert.Equal(("WH-CENTRAL:1", new DateOnly(2026, 11, 27)), (Describe(europe), europe.PromisedDeliveryDate));
        Assert.Equal(new DateOnly(2026, 12, 1), unknown.PromisedDeliveryDate);
    }

    [Fact]
    public void Plan_SameInputs_SamePlan()
    {
        var stock = Stock("WH-EAST:A=6,B=2; WH-CENTRAL:A=5,C=1; WH-WEST:A=3,B=9,C=4");
        var lines = Lines("Ax10, Bx4, Cx2");

        var first = new SourcingPlanner().Plan(lines, stock, "us-central", Now);
        var second = new SourcingPlanner().Plan(lines, stock, "us-central", Now);

        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.PromisedDeliveryDate, second.PromisedDeliveryDate);
    }

    [Theory]
    [InlineData("", "A cart to plan needs at least one line.")]
    [InlineData("Ax0", "lines[0].quantity is 0; it must be at least 1.")]
    [InlineData("Ax1, Bx-2", "lines[1].quantity is -2; it must be at least 1.")]
    public void Plan_InvalidLines_Throws(string lines, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new SourcingPlanner().Plan(Lines(lines), Stock("WH-EAST:A=5"), "us-east", Now));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BlankSku_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new SourcingPlanner().Plan([new CartLine(" ", 1)], Stock("WH-EAST:A=5"), "us-east", Now));

        Assert.StartsWith("lines[0] names no SKU.", error.Message, StringComparison.Ordinal);
    }
}
