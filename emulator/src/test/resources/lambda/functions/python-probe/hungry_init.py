# Allocates beyond 128 MB while it is imported: the sandbox runs out of memory during INIT.
blocks = [bytearray(1024 * 1024) for _ in range(1024)]


def handler(event, context):
    return len(blocks)
