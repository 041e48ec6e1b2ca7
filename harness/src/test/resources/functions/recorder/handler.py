import base64
import json


def handle(event, context):
    """Prints what it got, one line per record: the S3 key, the SNS message, the Kinesis data, the DynamoDB event and
    keys, or the SQS body; a Kinesis record whose data is "poison" fails the batch."""
    for r in event.get("Records", []):
        if "s3" in r:
            print("s3 " + r["s3"]["object"]["key"])
        elif "Sns" in r:
            print("sns " + r["Sns"]["Message"])
        elif "kinesis" in r:
            data = base64.b64decode(r["kinesis"]["data"]).decode("utf-8")
            print("kinesis " + data)
            if data == "poison":
                raise ValueError("poison record " + r["kinesis"]["sequenceNumber"])
        elif "dynamodb" in r:
            print("dynamodb " + r["eventName"] + " " + json.dumps(r["dynamodb"]["Keys"], sort_keys=True))
        else:
            print("sqs " + r["body"])
    return {"batchItemFailures": []}
