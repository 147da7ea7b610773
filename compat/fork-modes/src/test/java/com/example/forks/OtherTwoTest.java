package com.example.forks;

@OtherStack
class OtherTwoTest extends UsesTheBox {
}
