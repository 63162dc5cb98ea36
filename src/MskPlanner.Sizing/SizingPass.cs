namespace MskPlanner.Sizing;

public static partial class SizingEngine
{
    /// <summary>
    /// A type sized as far as choosing the picks needs: its brokers, the limit that binds them, the volumes'
    /// throughput and the provisioned throughput it relies on, and its monthly total. A whole option is built from it
    /// (<see cref="SizingPass.OptionOf"/>); a growth projection, which sizes every month, keeps no more than this.
    /// </summary>
    /// <param name="PlainBrokers">The brokers on volumes without provisioned throughput, which the option shows beside it when more.</param>
    /// <param name="MinimumBrokers">More brokers than the limits need, as a split over several clusters proposes; 0 for none.</param>
    internal readonly record struct Fit(
        BrokerType Type, int Brokers, LimitKind Binding, double VolumeThroughput, double? Provisioned, int PlainBrokers, int MinimumBrokers, decimal? Total, bool Available)
    {
        public bool FitsQuota(SizingInput input) => Brokers <= input.BrokerQuotaFor(Type);
    }

    /// <summary>
    /// A family's pick: the cheapest type within the quota; or, when none is within it, the type with the fewest brokers
    /// (<paramref name="Fewest"/>), split over clusters and priced as split; or nothing.
    /// </summary>
    internal readonly record struct Pick(BrokerFamily Family, Fit? Fit, ClusterSplit? Split, Fit? Fewest);

    /// <summary>
    /// A price sheet's broker rates, in the catalog's order. A pass over the catalog reads each type's rate by its place,
    /// not by a lookup: a growth projection reads one for every type in every month. One per sizing or projection: a
    /// rate keeps its last charge, so it is not for sharing between threads.
    /// </summary>
    internal sealed class BrokerRates
    {
        private readonly BrokerRate?[] _rates;

        public BrokerRates(PriceSheet prices)
        {
            Prices = prices;
            _rates = [.. BrokerCatalog.All.Select(type => prices.BrokerHourly.TryGetValue(type.Name, out var hourly) ? new BrokerRate(hourly) : null)];
        }

        public PriceSheet Prices { get; }

        /// <summary>The rate of the catalog's type at <paramref name="position"/>; null when the sheet's region does not offer it.</summary>
        public BrokerRate? At(int position) => _rates[position];

        /// <summary>The rate of a type of the catalog, found by its place; null when the sheet's region does not offer it.</summary>
        public BrokerRate? Of(BrokerType type) => _rates[PositionOf(type)];
    }

    /// <summary>
    /// One type's hourly rate, and the monthly charge of the last count asked: a growth projection asks for the same
    /// count month after month, and a charge's rounding to cents is most of its cost.
    /// </summary>
    internal sealed class BrokerRate(double hourly)
    {
        private int _brokers = -1;
        private decimal _monthly;

        public decimal MonthlyFor(int brokers)
        {
            if (_brokers != brokers)
            {
                (_brokers, _monthly) = (brokers, Money(brokers * hourly * HoursPerMonth));
            }

            return _monthly;
        }
    }

    private static int PositionOf(BrokerType type)
    {
        for (var i = 0; i < BrokerCatalog.All.Count; i++)
        {
            if (BrokerCatalog.All[i] == type)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(type), type.Name, "Not a type of the catalog.");
    }

    /// <summary>One sizing of one workload: what every type's limits, charges and the picks are worked out from.</summary>
    internal sealed class SizingPass
    {
        private readonly SizingInput _input;
        private readonly PriceSheet _prices;
        private readonly BrokerRates _rates;
        private readonly IoFactors _factors;

        // The charges every type of a class pays alike at this workload, rounded once; and, for a fit's total, summed
        // once with the storage a type pays when it has no provisioned throughput.
        private readonly decimal _ebsStorage;
        private readonly ClassCharges _standard;
        private readonly decimal _standardWithStorage;
        private readonly decimal _expressStorage;
        private readonly ClassCharges _express;
        private readonly decimal _expressWithStorage;

        public SizingPass(SizingInput input, BrokerRates rates)
        {
            var prices = rates.Prices;
            _input = input;
            _prices = prices;
            _rates = rates;
            _factors = IoFactors.For(input);
            Storage = StorageFor(input);
            Network = NetworkFor(input);
            _ebsStorage = Money(Storage.EbsGiB * prices.StoragePerGiBMonth);
            _standard = new ClassCharges(Money(Storage.TieredGiB * prices.TieredStoragePerGiBMonth), 0m, Money(Network.CrossAzGiBPerMonth * prices.CrossAzPerGiB));

            // Express clusters always span 3 AZs, so their client traffic crosses AZs as a 3-AZ cluster's does.
            var crossShare = (ExpressZones - 1) / (double)ExpressZones;
            var crossAzMiBps = (input.AvgDataInMiBps + (input.NearestReplicaFetching ? 0 : input.AvgDataOutMiBps)) * crossShare;
            _expressStorage = Money(Storage.ExpressGiB * prices.ExpressStoragePerGiBMonth);
            _express = new ClassCharges(0m, Money(Network.DataInGiBPerMonth * prices.ExpressDataInPerGiB), Money(GiBPerMonth(crossAzMiBps) * prices.CrossAzPerGiB));
            _standardWithStorage = _ebsStorage + _standard.Total;
            _expressWithStorage = _expressStorage + _express.Total;
        }

        public StorageFigures Storage { get; }

        public NetworkFigures Network { get; }

        /// <summary>Every type of the catalog, in its order.</summary>
        public void FitAll(Span<Fit> fits)
        {
            for (var i = 0; i < fits.Length; i++)
            {
                fits[i] = FitWith(BrokerCatalog.All[i], _rates.At(i), 0);
            }
        }

        public Fit FitAtLeast(BrokerType type, int minimumBrokers) => FitWith(type, _rates.Of(type), minimumBrokers);

        private Fit FitWith(BrokerType type, BrokerRate? rate, int minimumBrokers) =>
            type.Class == BrokerClass.Express ? FitExpress(type, rate, minimumBrokers) : FitStandard(type, rate, minimumBrokers);

        /// <summary>
        /// A Standard type, sized as the method sizes it when its volumes can deliver what the method credits. The method
        /// credits each broker its instance's EBS maximum, but an MSK volume delivers <see cref="VolumeThroughputMiBps"/>
        /// unless provisioned throughput (PST) is on; so a type whose maximum is higher is sized on 250 MiB/s volumes, and
        /// when that takes more brokers than the method's count, the type keeps the method's count and carries the PST it
        /// relies on, with the count on plain volumes beside it.
        /// </summary>
        private Fit FitStandard(BrokerType type, BrokerRate? rate, int minimumBrokers)
        {
            var plainThroughput = Math.Min(type.EbsThroughputMiBps, VolumeThroughputMiBps);
            var plain = CountStandard(type, plainThroughput, null, minimumBrokers);
            Fit FitOn(double volumeThroughput, double? provisioned, (int Brokers, LimitKind Binding, double IngressPerBroker) count) =>
                StandardFit(type, rate, count.Brokers, count.Binding, volumeThroughput, provisioned, plain.Brokers, minimumBrokers);

            if (!type.SupportsProvisionedThroughput)
            {
                return FitOn(plainThroughput, null, plain);
            }

            // MSK takes PST in whole MiB/s up to the type's maximum (593 on kafka.m5.4xlarge, where the method's table says 593.75).
            double Whole(double mibps) => Math.Min(Math.Ceiling(mibps - 1e-9), Math.Floor(type.EbsThroughputMiBps));

            // The method's volumes only raise the ingress and egress limits; when neither binds on plain volumes, the
            // method's count is the plain count, and a growth projection saves a count for each such type and month.
            var method = plain.Binding is LimitKind.Ingress or LimitKind.Egress || _input.ProvisionedThroughputMiBps is not null
                ? CountStandard(type, type.EbsThroughputMiBps, null, minimumBrokers)
                : plain;
            if (_input.ProvisionedThroughputMiBps is not { } requested)
            {
                if (plain.Brokers <= method.Brokers)
                {
                    return FitOn(plainThroughput, null, plain);
                }
            }
            else
            {
                var asked = CountStandard(type, Whole(requested), Whole(requested), minimumBrokers);
                if (asked.Brokers <= method.Brokers)
                {
                    return FitOn(Whole(requested), Whole(requested), asked);
                }
            }

            // The method's count needs the volume throughput behind its per-broker ingress: that ingress before the TLS
            // share (which takes broker CPU, not volume throughput), times the storage factor.
            var relied = Whole(Math.Max(method.IngressPerBroker / TlsShare(_input) * _factors.Storage, _input.ProvisionedThroughputMiBps ?? 0));
            return FitOn(relied, relied, CountStandard(type, relied, relied, minimumBrokers));
        }

        private Fit StandardFit(
            BrokerType type, BrokerRate? rate, int brokers, LimitKind binding, double volumeThroughput, double? provisioned, int plainBrokers, int minimumBrokers)
        {
            var total = StandardTotal(rate, brokers, provisioned);
            var available = total is not null && !(type.IsBurstable && _input.UsesTieredStorage);
            return new Fit(type, brokers, binding, volumeThroughput, provisioned, plainBrokers, minimumBrokers, total, available);
        }

        private Fit FitExpress(BrokerType type, BrokerRate? rate, int minimumBrokers)
        {
            Span<LimitKind> kinds = stackalloc LimitKind[3];
            Span<double> demands = stackalloc double[3];
            Span<double> capacities = stackalloc double[3];
            ExpressLimits(type, kinds, demands, capacities);
            var (brokers, binding) = Needed(kinds, demands, capacities, ExpressZones, minimumBrokers);
            var total = rate?.MonthlyFor(brokers) + _expressWithStorage;
            return new Fit(type, brokers, binding, 0, null, brokers, minimumBrokers, total, total is not null && _input.AvailabilityZones == ExpressZones);
        }

        private (int Brokers, LimitKind Binding, double IngressPerBroker) CountStandard(BrokerType type, double volumeThroughput, double? provisioned, int minimumBrokers)
        {
            Span<LimitKind> kinds = stackalloc LimitKind[5];
            Span<double> demands = stackalloc double[5];
            Span<double> capacities = stackalloc double[5];
            var (count, ingressPerBroker) = StandardLimits(type, volumeThroughput, provisioned, kinds, demands, capacities);
            var (brokers, binding) = Needed(kinds[..count], demands[..count], capacities[..count], _input.AvailabilityZones, minimumBrokers);
            return (brokers, binding, ingressPerBroker);
        }

        /// <summary>A Standard type's limits on volumes of the given throughput: how many apply, and each broker's ingress.</summary>
        private (int Count, double IngressPerBroker) StandardLimits(
            BrokerType type, double volumeThroughput, double? provisioned, Span<LimitKind> kinds, Span<double> demands, Span<double> capacities)
        {
            var ingressPerBroker = Math.Min(volumeThroughput / _factors.Storage, type.NetworkThroughputMiBps / _factors.Network) * TlsShare(_input);
            var ingressCapacity = ingressPerBroker * _input.PeakUtilization;
            (kinds[0], demands[0], capacities[0]) = (LimitKind.Ingress, _input.PeakDataInMiBps, ingressCapacity);
            (kinds[1], demands[1], capacities[1]) = (LimitKind.Egress, _input.PeakDataOutMiBps, Network.FanOut * ingressCapacity);
            (kinds[2], demands[2], capacities[2]) = (LimitKind.Partitions, _input.Partitions, PartitionCapacity(type, _input));
            (kinds[3], demands[3], capacities[3]) = (LimitKind.Storage, Storage.EbsGiB, MaxVolumeGiBPerBroker);
            (kinds[4], demands[4], capacities[4]) = (LimitKind.ProvisionedThroughput, _input.AvgDataOutMiBps, provisioned ?? 0);

            // The method's PST limit (average data out read back from disk) applies when the plan asks for PST itself.
            return (provisioned is not null && _input.ProvisionedThroughputMiBps is not null ? 5 : 4, ingressPerBroker);
        }

        private void ExpressLimits(BrokerType type, Span<LimitKind> kinds, Span<double> demands, Span<double> capacities)
        {
            var tls = TlsShare(_input);
            (kinds[0], demands[0], capacities[0]) = (LimitKind.Ingress, _input.PeakDataInMiBps, type.ExpressIngressMiBps * _input.ExpressPeakUtilization * tls);
            (kinds[1], demands[1], capacities[1]) = (LimitKind.Egress, _input.PeakDataOutMiBps, type.ExpressIngressMiBps * ExpressEgressPerIngress * tls);

            // Express always keeps 3 replicas of each leader partition, whatever the plan's replication factor.
            (kinds[2], demands[2], capacities[2]) = (LimitKind.Partitions, _input.LeaderPartitions * (double)ExpressReplicationFactor, PartitionCapacity(type, _input));
        }

        /// <summary>
        /// The brokers the largest limit needs (or <paramref name="minimumBrokers"/> when more), and that limit: the
        /// first of those that need as many once rounded up to the AZs. Rounding up is monotonic, so the largest whole
        /// count is rounded once; a limit needs that many when its whole count is above the multiple below.
        /// </summary>
        private static (int Brokers, LimitKind Binding) Needed(
            ReadOnlySpan<LimitKind> kinds, ReadOnlySpan<double> demands, ReadOnlySpan<double> capacities, int zones, int minimumBrokers)
        {
            var most = 0;
            for (var i = 0; i < kinds.Length; i++)
            {
                most = Math.Max(most, WholeBrokersFor(demands[i], capacities[i]));
            }

            var brokers = RoundUpToMultiple(most, zones);
            var binding = kinds[0];
            for (var i = 0; i < kinds.Length; i++)
            {
                if (WholeBrokersFor(demands[i], capacities[i]) > brokers - zones)
                {
                    binding = kinds[i];
                    break;
                }
            }

            return (Math.Max(brokers, minimumBrokers), binding);
        }

        private LimitCheck[] Checks(ReadOnlySpan<LimitKind> kinds, ReadOnlySpan<double> demands, ReadOnlySpan<double> capacities, int zones, int brokers)
        {
            var checks = new LimitCheck[kinds.Length];
            for (var i = 0; i < kinds.Length; i++)
            {
                checks[i] = new LimitCheck(kinds[i], BrokersFor(demands[i], capacities[i], zones), demands[i], capacities[i], UnitOf(kinds[i], _input), demands[i] / (capacities[i] * brokers));
            }

            return checks;
        }

        /// <summary>
        /// <see cref="StandardCharges"/>' total in one decimal addition when the type has no provisioned throughput,
        /// which is most fits of a growth projection; decimal additions of cents are exact, so the order does not matter.
        /// </summary>
        private decimal? StandardTotal(BrokerRate? rate, int brokers, double? provisioned) =>
            provisioned is null ? rate?.MonthlyFor(brokers) + _standardWithStorage : StandardCharges(rate, brokers, provisioned)?.Total;

        private Charges? StandardCharges(BrokerRate? rate, int brokers, double? provisioned)
        {
            if (rate is null)
            {
                return null;
            }

            var billedEbs = BilledEbsGiB(Storage, brokers, provisioned is not null);
            return new Charges(
                rate.MonthlyFor(brokers),
                billedEbs == Storage.EbsGiB ? _ebsStorage : Money(billedEbs * _prices.StoragePerGiBMonth),
                provisioned is { } t ? Money(brokers * t * _prices.ProvisionedThroughputPerMiBpsMonth) : 0m,
                _standard);
        }

        private Charges? ExpressCharges(BrokerRate? rate, int brokers) =>
            rate is null ? null : new Charges(rate.MonthlyFor(brokers), _expressStorage, 0m, _express);

        /// <summary>The whole option of a fit: every limit's use, memory, the charges in parts, and the self-managed comparison.</summary>
        public BrokerOption OptionOf(Fit fit)
        {
            if (fit.Type.Class == BrokerClass.Express)
            {
                return ExpressOption(fit.Type, fit.MinimumBrokers);
            }

            var option = StandardOption(fit.Type, fit.VolumeThroughput, fit.Provisioned, fit.MinimumBrokers);
            return fit.Brokers < fit.PlainBrokers
                ? option with { WithoutProvisionedThroughput = StandardOption(fit.Type, Math.Min(fit.Type.EbsThroughputMiBps, VolumeThroughputMiBps), null, fit.MinimumBrokers) }
                : option;
        }

        private BrokerOption StandardOption(BrokerType type, double volumeThroughput, double? provisioned, int minimumBrokers)
        {
            Span<LimitKind> kinds = stackalloc LimitKind[5];
            Span<double> demands = stackalloc double[5];
            Span<double> capacities = stackalloc double[5];
            var (count, ingressPerBroker) = StandardLimits(type, volumeThroughput, provisioned, kinds, demands, capacities);
            var zones = _input.AvailabilityZones;
            var (brokers, binding) = Needed(kinds[..count], demands[..count], capacities[..count], zones, minimumBrokers);
            var checks = Checks(kinds[..count], demands[..count], capacities[..count], zones, brokers);
            var volume = Math.Max(Math.Ceiling(Storage.EbsGiB / brokers), provisioned is null ? 1 : MinVolumeGiBWithProvisionedThroughput);
            var memory = MemoryFor(type, _input.PeakDataInMiBps * _input.ReplicationFactor / brokers, _input);

            string? unavailable = null;
            var charges = StandardCharges(_rates.Of(type), brokers, provisioned);
            if (charges is null)
            {
                unavailable = $"Not offered in {_prices.Origin.Region}: the price list has no {type.Name} brokers there.";
            }

            if (type.IsBurstable && _input.UsesTieredStorage)
            {
                unavailable = "MSK offers tiered storage on M5 and M7g brokers, not on kafka.t3.small (the console's tiered-storage steps).";
            }

            var selfManaged = charges is null ? null : SelfManagedFor(type, brokers, _input, Storage, Network, _prices);
            return new BrokerOption(type, brokers, binding, checks, ingressPerBroker, volume, memory, charges?.ToMonthlyCost(), selfManaged, unavailable)
            {
                VolumeThroughputMiBps = volumeThroughput,
                ProvisionedThroughputMiBps = provisioned,
            };
        }

        private BrokerOption ExpressOption(BrokerType type, int minimumBrokers)
        {
            Span<LimitKind> kinds = stackalloc LimitKind[3];
            Span<double> demands = stackalloc double[3];
            Span<double> capacities = stackalloc double[3];
            ExpressLimits(type, kinds, demands, capacities);
            var (brokers, binding) = Needed(kinds, demands, capacities, ExpressZones, minimumBrokers);
            var checks = Checks(kinds, demands, capacities, ExpressZones, brokers);
            var memory = MemoryFor(type, _input.PeakDataInMiBps * ExpressReplicationFactor / brokers, _input);

            // AWS's Express guide sizes at the sustained figure itself (45 MBps in on 3 x express.m7g.large); shown beside ours.
            var tls = TlsShare(_input);
            capacities[0] = type.ExpressIngressMiBps * tls;
            var atSustained = Needed(kinds, demands, capacities, ExpressZones, minimumBrokers).Brokers;

            string? unavailable = null;
            if (_input.AvailabilityZones != ExpressZones)
            {
                unavailable = "Express brokers run in exactly 3 AZs; this plan uses 2.";
            }

            var charges = ExpressCharges(_rates.Of(type), brokers);
            if (charges is null)
            {
                unavailable = $"Not offered in {_prices.Origin.Region}: the price list has no {type.Name} brokers there.";
            }

            return new BrokerOption(type, brokers, binding, checks, type.ExpressIngressMiBps * tls, 0, memory, charges?.ToMonthlyCost(), null, unavailable)
            {
                BrokersAtSustainedIngress = atSustained,
            };
        }

        /// <summary>Each family's pick, in the order of <see cref="BrokerFamily"/>: one walk over the fits for all of them.</summary>
        public void PickAll(ReadOnlySpan<Fit> fits, Span<Pick> picks)
        {
            // Indexes into fits, -1 for none: a growth projection picks in every month, and a Fit is copied whole.
            Span<int> cheapest = stackalloc int[picks.Length];
            cheapest.Fill(-1);
            for (var i = 0; i < fits.Length; i++)
            {
                // At equal cost, fewer and larger brokers: fewer to patch, replace and rebalance, and more headroom each.
                ref readonly var fit = ref fits[i];
                var f = (int)fit.Type.Family; // Families lists BrokerFamily in order, from 0
                if (fit.Available && fit.FitsQuota(_input) && (cheapest[f] < 0 || IsCheaper(fit, fits[cheapest[f]])))
                {
                    cheapest[f] = i;
                }
            }

            for (var f = 0; f < picks.Length; f++)
            {
                picks[f] = cheapest[f] >= 0 ? new Pick(Families[f], fits[cheapest[f]], null, null) : PickOverQuota(Families[f], fits);
            }
        }

        // Only available fits are compared, and an available fit has a total; one comparison of the totals, not two.
        private static bool IsCheaper(in Fit fit, in Fit than)
        {
            var order = fit.Total.GetValueOrDefault().CompareTo(than.Total.GetValueOrDefault());
            return order < 0 || (order == 0 && fit.Brokers < than.Brokers);
        }

        private static bool IsFewer(in Fit fit, in Fit than) =>
            fit.Brokers < than.Brokers || (fit.Brokers == than.Brokers && fit.Total < than.Total);

        /// <summary>The pick of a family no type of which is within the quota: its type with the fewest brokers, split.</summary>
        private Pick PickOverQuota(BrokerFamily family, ReadOnlySpan<Fit> fits)
        {
            Fit? fewest = null;
            foreach (ref readonly var fit in fits)
            {
                if (fit.Type.Family == family && fit.Available && (fewest is not { } sofar || IsFewer(fit, sofar)))
                {
                    fewest = fit;
                }
            }

            // A development broker spread over several clusters is no recommendation.
            if (fewest is not { } least || least.Type.IsBurstable)
            {
                return new Pick(family, null, null, fewest);
            }

            var split = SplitFor(least);
            var proposed = split.Clusters * split.BrokersPerCluster;
            return new Pick(family, proposed > least.Brokers ? FitAtLeast(least.Type, proposed) : least, split, least);
        }

        /// <summary>
        /// Clusters within the quota, each with a multiple of the AZs; the pick is then sized and priced for the brokers
        /// the split proposes (2 clusters of 36 are 72 brokers, not the 69 the limits need).
        /// </summary>
        private ClusterSplit SplitFor(Fit fewest)
        {
            var zones = fewest.Type.Class == BrokerClass.Express ? ExpressZones : _input.AvailabilityZones;
            var quota = _input.BrokerQuotaFor(fewest.Type);
            var clusters = (fewest.Brokers + quota - 1) / quota;
            var perCluster = RoundUpToMultiple((fewest.Brokers + clusters - 1) / clusters, zones);
            while (perCluster > quota && perCluster > zones)
            {
                clusters++;
                perCluster = RoundUpToMultiple((fewest.Brokers + clusters - 1) / clusters, zones);
            }

            return new ClusterSplit(clusters, perCluster);
        }

        /// <summary>A pick with its whole option (the one in <paramref name="options"/> when not split) and the reason it reads.</summary>
        public Recommendation RecommendationOf(Pick pick, ReadOnlySpan<Fit> fits, BrokerOption[] options)
        {
            var family = pick.Family;
            if (pick.Fit is { } fit && pick.Split is null)
            {
                var option = options[PositionOf(fit.Type)];
                Fit? sameCost = null;
                foreach (var other in fits)
                {
                    if (other.Type.Family == family && other.Available && other.FitsQuota(_input) && other.Total == fit.Total && other.Brokers > fit.Brokers
                        && (sameCost is not { } s || other.Brokers < s.Brokers))
                    {
                        sameCost = other;
                    }
                }

                var tie = sameCost is not { } same ? "" :
                    $" {same.Brokers:N0} x {same.Type.Name} cost the same; fewer, larger brokers are fewer to patch, replace and rebalance.";
                return new Recommendation(family, option, null,
                    $"Cheapest {family} type within the quota of {_input.BrokerQuotaFor(fit.Type)} brokers per cluster; bound by {Names.Of(fit.Binding).Phrase}.{tie}");
            }

            if (pick.Fewest is not { } fewest)
            {
                var reason = options.FirstOrDefault(o => o.Type.Family == family)?.UnavailableReason;
                return new Recommendation(family, null, null, $"No {family} type is available for this plan{(reason is null ? "." : $": {reason}")}");
            }

            if (pick.Split is not { } split)
            {
                return new Recommendation(family, null, null,
                    $"kafka.t3.small is not suited: this workload needs {fewest.Brokers:N0} of them, over the quota of {_input.BrokerQuotaFor(fewest.Type)} per cluster.");
            }

            var quota = _input.BrokerQuotaFor(fewest.Type);
            var proposed = split.Clusters * split.BrokersPerCluster;
            var priced = pick.Fit == fewest ? options[PositionOf(fewest.Type)] : OptionOf(pick.Fit!.Value);
            return new Recommendation(family, priced, split,
                $"Every {family} type needs more than {quota} brokers; {fewest.Type.Name} needs the fewest ({fewest.Brokers:N0}): " +
                $"split the workload over {split.Clusters} clusters of {split.BrokersPerCluster} brokers ({proposed:N0} in all, priced as proposed), or ask AWS for a higher quota.");
        }
    }

    /// <summary>
    /// A month of MSK charges in parts, each rounded to cents: <see cref="MonthlyCost"/> without its allocation. The
    /// parts every type of a class pays alike are summed once a sizing (<see cref="ClassCharges"/>).
    /// </summary>
    private readonly record struct Charges(decimal Brokers, decimal Storage, decimal ProvisionedThroughput, ClassCharges Class)
    {
        public decimal Total => Brokers + Storage + ProvisionedThroughput + Class.Total;

        public MonthlyCost ToMonthlyCost() => new(Brokers, Storage, Class.TieredStorage, ProvisionedThroughput, Class.DataIn, Class.CrossAz);
    }

    /// <summary>The charges of a sizing that every type of one class (Standard, Express) pays alike.</summary>
    private sealed record ClassCharges(decimal TieredStorage, decimal DataIn, decimal CrossAz)
    {
        public decimal Total { get; } = TieredStorage + DataIn + CrossAz;
    }
}
