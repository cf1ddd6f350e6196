#!/bin/sh
# Runs a command inside an unpacked image the way a container runtime would, without one:
#   unshare --mount --pid --fork [--user --map-root-user] sh run-rootfs.sh ROOTFS WORKDIR UID GID -- COMMAND...
# In its own mount and PID namespace (so COMMAND is PID 1, as in a container, and the kernel ends
# every process left when it exits), with /proc and /dev mounted, the root directory changed to
# ROOTFS and, when the namespace's root may switch users, as UID:GID. The environment is passed
# through as given. chroot (unshare --root) is also why a non-root server finds no user
# namespace here, as under the default seccomp profile of Docker or Podman.
set -eu
root="$1"
workdir="$2"
uid="$3"
gid="$4"
shift 5
mount --make-rprivate /
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n127.0.1.1\t%s\n' "$(cat /proc/sys/kernel/hostname)" \
  >"$root/etc/hosts"
exec unshare --root="$root" --wd="$workdir" --setgid "$gid" --setuid "$uid" -- "$@"
