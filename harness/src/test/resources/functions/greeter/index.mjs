export const handler = async (event) => {
  console.log("greeting", event.name);
  return "hello " + event.name;
};
