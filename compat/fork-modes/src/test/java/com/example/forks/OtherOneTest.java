package com.example.forks;

@OtherStack
class OtherOneTest extends UsesTheBox {
}
