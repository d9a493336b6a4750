package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.omnichannel.core.ChannelId;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The routing profiles of every channel, each channel with its versions in order. Adding a version
 * returns a new registry, so a plan can always name the exact profile version it used.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RoutingProfileRegistry {
  private static final RoutingProfileRegistry EMPTY =
      new RoutingProfileRegistry(ImmutableSortedMap.of());

  private final ImmutableSortedMap<ChannelId, ImmutableList<RoutingProfile>> byChannel;

  private RoutingProfileRegistry(
      ImmutableSortedMap<ChannelId, ImmutableList<RoutingProfile>> byChannel) {
    this.byChannel = byChannel;
  }

  /** Returns a registry without profiles. */
  public static RoutingProfileRegistry empty() {
    return EMPTY;
  }

  /**
   * Returns a registry with {@code profile} as the newest version for its channel.
   *
   * @throws IllegalArgumentException if the profile's version is not above the channel's newest
   */
  public RoutingProfileRegistry with(RoutingProfile profile) {
    checkNotNull(profile, "profile");
    ImmutableList<RoutingProfile> versions =
        byChannel.getOrDefault(profile.channel(), ImmutableList.of());
    if (!versions.isEmpty()) {
      RoutingProfile last = versions.get(versions.size() - 1);
      checkArgument(
          profile.version() > last.version(),
          "channel %s already has version %s; a new version must be higher: %s",
          profile.channel(),
          last.version(),
          profile.version());
    }
    TreeMap<ChannelId, ImmutableList<RoutingProfile>> copy = new TreeMap<>(byChannel);
    copy.put(
        profile.channel(),
        ImmutableList.<RoutingProfile>builder().addAll(versions).add(profile).build());
    return new RoutingProfileRegistry(ImmutableSortedMap.copyOfSorted(copy));
  }

  /** Returns the newest profile of {@code channel}, if it has one. */
  public Optional<RoutingProfile> current(ChannelId channel) {
    ImmutableList<RoutingProfile> versions = byChannel.get(channel);
    return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** Returns version {@code version} of {@code channel}'s profile, if it exists. */
  public Optional<RoutingProfile> version(ChannelId channel, int version) {
    for (RoutingProfile p : byChannel.getOrDefault(channel, ImmutableList.of())) {
      if (p.version() == version) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Returns every version of {@code channel}'s profile, oldest first. */
  public ImmutableList<RoutingProfile> versions(ChannelId channel) {
    return byChannel.getOrDefault(channel, ImmutableList.of());
  }

  @Override
  public String toString() {
    return "RoutingProfileRegistry" + byChannel.keySet();
  }
}
