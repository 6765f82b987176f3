-- unsafe: ban-drop-database
DROP DATABASE shop;
