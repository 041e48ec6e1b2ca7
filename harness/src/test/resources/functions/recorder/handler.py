import json


def handle(event, context):
    """Prints what it got, one line per record: the S3 key, the SNS message or the SQS body."""
    for r in event.get("Records", []):
        if "s3" in r:
            print("s3 " + r["s3"]["object"]["key"])
        elif "Sns" in r:
            print("sns " + r["Sns"]["Message"])
        else:
            print("sqs " + r["body"])
    return {"batchItemFailures": []}
